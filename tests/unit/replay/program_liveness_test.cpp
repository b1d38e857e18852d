// Program's liveness: does naming an object give the answer a walk of the graph from the held
// set gives — after any mix of holds, drops, refs, unrefs, frees and cleared refs, on chains,
// fan-out and cycles — and does keeping it cost O(1) amortised per event, however the graph is
// shaped (no walk of a chain per drop/hold pair)?
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "replay/program.h"
#include "replay/rule_violation.h"

namespace gcsim {
namespace {

// The trace's liveness, computed the plain way: alive objects reachable from the held set
// through refs between alive objects.
struct Model {
  std::set<std::uint64_t> alive, held;
  std::map<std::pair<std::uint64_t, std::uint64_t>, int> pointers;  // (from, to) → pointers

  bool reachable(std::uint64_t id) const {
    std::set<std::uint64_t> seen(held.begin(), held.end());
    std::vector<std::uint64_t> pending(held.begin(), held.end());
    while (!pending.empty()) {
      const std::uint64_t from = pending.back();
      pending.pop_back();
      for (auto it = pointers.lower_bound({from, 0});
           it != pointers.end() && it->first.first == from; ++it) {
        const std::uint64_t to = it->first.second;
        if (alive.count(to) != 0 && seen.insert(to).second) pending.push_back(to);
      }
    }
    return seen.count(id) != 0;
  }
  void forget_refs_from(std::uint64_t id) {
    std::erase_if(pointers, [&](const auto& p) { return p.first.first == id; });
  }
};

// Names `id` as an event would; false if the program says it is dead.
bool name(Program& p, std::uint64_t id, ObjectSlot& slot) {
  try {
    slot = p.live(id, "id");
    return true;
  } catch (const RuleViolation& v) {
    EXPECT_EQ(v.rule, "dead-id");
    return false;
  }
}

// Random operations on small graphs (chains, fan-out, cycles, self-references), each name
// checked against the model's walk; some names fall on unreachable objects on purpose.
TEST(ProgramLiveness, NamingMatchesAWalkFromTheHeldSet) {
  std::uint64_t dead_names = 0, live_names = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    std::mt19937_64 rng(seed);
    auto below = [&](std::uint64_t n) { return rng() % n; };
    constexpr std::uint32_t kPool = 1024;
    Program p(kPool);
    Model m;
    std::vector<std::uint64_t> named;  // ever allocated and not known dead
    std::uint64_t next_id = 1;
    for (int step = 0; step < 400; ++step) {
      SCOPED_TRACE("seed " + std::to_string(seed) + ", step " + std::to_string(step));
      const std::uint64_t roll = below(100);
      if (named.empty() || roll < 20) {
        const std::uint64_t id = next_id++;
        p.add(id, 32, false, 'h', BlockIndex(static_cast<std::uint32_t>(id % kPool)),
              EventIndex(0));
        m.alive.insert(id);
        m.held.insert(id);
        named.push_back(id);
        continue;
      }
      // Most names fall on held objects or their neighbourhood, so the graph grows.
      const std::uint64_t a = named[below(named.size())];
      const std::uint64_t b = named[below(named.size())];
      ObjectSlot sa, sb;
      const bool a_live = name(p, a, sa);
      ASSERT_EQ(a_live, m.reachable(a)) << "id " << a;
      if (!a_live) {
        m.alive.erase(a);
        m.held.erase(a);
        std::erase(named, a);
        ++dead_names;
        continue;
      }
      ++live_names;
      if (roll < 35) {
        p.drop(sa);
        m.held.erase(a);
      } else if (roll < 45) {
        p.hold(sa);
        m.held.insert(a);
      } else if (roll < 48) {
        p.kill(sa);
        m.alive.erase(a);
        m.held.erase(a);
        m.forget_refs_from(a);
        std::erase(named, a);
      } else if (roll < 50) {
        p.clear_refs(sa);
        m.forget_refs_from(a);
      } else {
        const bool b_live = name(p, b, sb);
        ASSERT_EQ(b_live, m.reachable(b)) << "id " << b;
        if (!b_live) {
          m.alive.erase(b);
          m.held.erase(b);
          std::erase(named, b);
          ++dead_names;
          continue;
        }
        if (roll < 80) {
          p.add_ref(sa, sb);
          ++m.pointers[{a, b}];
        } else if (m.pointers.count({a, b}) != 0) {
          p.remove_ref(sa, sb);
          if (--m.pointers[{a, b}] == 0) m.pointers.erase({a, b});
        }
      }
    }
  }
  // Both answers must be common, or the comparison proves little.
  EXPECT_GT(dead_names, 5000u);
  EXPECT_GT(live_names, 50000u);
}

// The hardening issue's quadratic case: a chain of 80,000 objects, each held only by its
// predecessor, then 8,000 pairs that hold a member and drop it again. Walking the chain per
// pair would visit ~3·10^8 objects; counted referrers visit each object a few times.
TEST(ProgramLiveness, DropHoldPairsOnAChainCostNoWalks) {
  constexpr std::uint32_t kObjects = 80'000, kPairs = 8'000;
  Program p(kObjects);
  std::vector<ObjectSlot> chain;
  for (std::uint32_t i = 0; i < kObjects; ++i) {
    chain.push_back(p.add(i, 16, false, 'h', BlockIndex(i), EventIndex(0)));
    if (i > 0) {
      p.add_ref(p.live(i - 1, "from"), p.live(i, "to"));
      if (i > 1) p.drop(p.live(i - 1, "id"));
    }
  }
  p.drop(p.live(kObjects - 1, "id"));
  for (std::uint32_t k = 0; k < kPairs; ++k) {
    const std::uint64_t member = 1 + std::uint64_t{k} * 7919 % (kObjects - 1);
    p.hold(p.live(member, "id"));
    p.drop(p.live(member, "id"));
  }
  EXPECT_LE(p.liveness_steps(), 4u * kObjects);
  // Dropping the head makes all of it garbage: each object is marked once.
  p.drop(p.live(0, "id"));
  EXPECT_LE(p.liveness_steps(), 6u * kObjects);
  EXPECT_THROW(p.live(kObjects - 1, "id"), RuleViolation);
}

// The same case, small, under Bookkeeping::reference (a walk after every drop): the bound
// above would fail on it, so the bound tells the two methods apart.
TEST(ProgramLiveness, TheReferenceWalksTheChainPerPair) {
  constexpr std::uint32_t kObjects = 2'000, kPairs = 200;
  Program p(kObjects, Bookkeeping::reference);
  for (std::uint32_t i = 0; i < kObjects; ++i) {
    p.add(i, 16, false, 'h', BlockIndex(i), EventIndex(0));
    if (i > 0) {
      p.add_ref(p.live(i - 1, "from"), p.live(i, "to"));
      if (i > 1) p.drop(p.live(i - 1, "id"));
    }
  }
  p.drop(p.live(kObjects - 1, "id"));
  for (std::uint32_t k = 0; k < kPairs; ++k) {
    const std::uint64_t member = 1 + std::uint64_t{k} * 7919 % (kObjects - 1);
    p.hold(p.live(member, "id"));
    p.drop(p.live(member, "id"));
  }
  EXPECT_GT(p.liveness_steps(), 50u * kObjects);
}

// Cycles do not keep garbage alive: a ring hanging from a held object dies with its hold.
TEST(ProgramLiveness, AGarbageCycleIsDead) {
  Program p(64);
  for (std::uint32_t i = 1; i <= 5; ++i) p.add(i, 16, false, 'h', BlockIndex(i), EventIndex(0));
  p.add_ref(p.live(1, "from"), p.live(2, "to"));
  for (std::uint32_t i = 2; i <= 5; ++i) {
    p.add_ref(p.live(i, "from"), p.live(i == 5 ? 2 : i + 1, "to"));  // 2 → 3 → 4 → 5 → 2
  }
  for (std::uint32_t i = 2; i <= 5; ++i) p.drop(p.live(i, "id"));
  EXPECT_NO_THROW(p.live(4, "id"));  // reached through 1
  p.drop(p.live(1, "id"));
  EXPECT_THROW(p.live(3, "id"), RuleViolation);
  EXPECT_THROW(p.live(5, "id"), RuleViolation);
}

}  // namespace
}  // namespace gcsim
