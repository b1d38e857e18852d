// Program's reference bookkeeping: pointers are counted per target, an unref finds its target
// in any order (scanned while an object has few targets, indexed past kIndexedTargets), and a
// reused slot is never mistaken for its previous tenant.
#include "replay/program.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "replay/rule_violation.h"

namespace gcsim {
namespace {

constexpr std::uint32_t kPoolBlocks = 4096;

// Each object gets its own head block, equal to its id (ids stay below kPoolBlocks).
ObjectSlot add_object(Program& p, std::uint64_t id) {
  return p.add(id, 32, false, 'h', BlockIndex(static_cast<std::uint32_t>(id)), EventIndex(0));
}

// The heads `from` points to, sorted, as the collector sees them.
std::vector<std::uint32_t> targets_of(const Program& p, ObjectSlot from) {
  std::vector<BlockIndex> out;
  p.references(p.object(from).head, out);
  std::vector<std::uint32_t> heads;
  for (BlockIndex b : out) heads.push_back(b.value);
  std::sort(heads.begin(), heads.end());
  return heads;
}

std::string rule_of_remove(Program& p, ObjectSlot from, ObjectSlot to) {
  try {
    p.remove_ref(from, to);
  } catch (const RuleViolation& v) {
    return v.rule;
  }
  return "";
}

TEST(ProgramRefs, PointersAreCountedPerTarget) {
  Program p(kPoolBlocks);
  const ObjectSlot a = add_object(p, 1);
  const ObjectSlot b = add_object(p, 2);
  p.add_ref(a, b);
  p.add_ref(a, b);
  EXPECT_EQ(targets_of(p, a), std::vector<std::uint32_t>{2});  // once per target
  EXPECT_EQ(rule_of_remove(p, a, b), "");
  EXPECT_EQ(targets_of(p, a), std::vector<std::uint32_t>{2});  // one pointer left
  EXPECT_EQ(rule_of_remove(p, a, b), "");
  EXPECT_TRUE(targets_of(p, a).empty());
  EXPECT_EQ(rule_of_remove(p, a, b), "unref-without-ref");
}

// Random refs and unrefs from one object across the scan/index boundary, checked against a
// plain multiset after every step.
TEST(ProgramRefs, ManyTargetsMatchAModelInAnyOrder) {
  Program p(kPoolBlocks);
  const ObjectSlot from = add_object(p, 0);
  std::vector<ObjectSlot> slots(1, from);
  constexpr std::uint64_t kTargets = 3 * Program::kIndexedTargets;
  for (std::uint64_t id = 1; id <= kTargets; ++id) slots.push_back(add_object(p, id));
  std::map<std::uint32_t, int> model;  // head → pointers
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint64_t> pick(1, kTargets);
  for (int step = 0; step < 20000; ++step) {
    const std::uint64_t id = pick(rng);
    const auto head = static_cast<std::uint32_t>(id);
    // Grow for a while, then shrink, so the object crosses kIndexedTargets both ways.
    const bool grow = (step / 2000) % 2 == 0 ? rng() % 4 != 0 : rng() % 4 == 0;
    if (grow) {
      p.add_ref(from, slots[id]);
      ++model[head];
    } else {
      const std::string rule = rule_of_remove(p, from, slots[id]);
      if (model[head] == 0) {
        EXPECT_EQ(rule, "unref-without-ref") << "step " << step;
      } else {
        EXPECT_EQ(rule, "") << "step " << step;
        --model[head];
      }
    }
    std::vector<std::uint32_t> want;
    for (const auto& [h, n] : model) {
      if (n > 0) want.push_back(h);
    }
    ASSERT_EQ(targets_of(p, from), want) << "step " << step;
  }
}

// 10,000 targets unref'd first-added first and last-added first: every unref finds its own.
TEST(ProgramRefs, UnrefInEitherOrderEmptiesTheObject) {
  for (bool oldest_first : {true, false}) {
    Program p(kPoolBlocks * 4);
    const ObjectSlot from = add_object(p, 0);
    std::vector<ObjectSlot> targets;
    for (std::uint64_t id = 1; id <= 10000; ++id) {
      targets.push_back(add_object(p, id));
      p.add_ref(from, targets.back());
    }
    if (!oldest_first) std::reverse(targets.begin(), targets.end());
    for (ObjectSlot t : targets) ASSERT_EQ(rule_of_remove(p, from, t), "");
    EXPECT_TRUE(targets_of(p, from).empty());
    EXPECT_EQ(rule_of_remove(p, from, targets.front()), "unref-without-ref");
  }
}

TEST(ProgramRefs, AReusedSlotIsAnotherTarget) {
  Program p(kPoolBlocks);
  const ObjectSlot a = add_object(p, 1);
  std::vector<ObjectSlot> others;
  // Past kIndexedTargets, so the index (not the scan) tells the tenants apart.
  for (std::uint64_t id = 2; id < 2 + 2 * Program::kIndexedTargets; ++id) {
    others.push_back(add_object(p, id));
    p.add_ref(a, others.back());
  }
  const ObjectSlot victim = others.back();
  p.kill(victim);
  const ObjectSlot tenant = add_object(p, 100);
  ASSERT_EQ(tenant, victim);  // the freed slot is reused
  EXPECT_EQ(rule_of_remove(p, a, tenant), "unref-without-ref");
  p.add_ref(a, tenant);
  EXPECT_EQ(rule_of_remove(p, a, tenant), "");
}

TEST(ProgramRefs, ReleasingAnIndexedObjectForgetsItsIndex) {
  Program p(kPoolBlocks);
  const ObjectSlot a = add_object(p, 1);
  const ObjectSlot b = add_object(p, 2);
  for (std::uint64_t id = 3; id < 3 + 2 * Program::kIndexedTargets; ++id) {
    p.add_ref(a, add_object(p, id));
  }
  p.kill(a);
  const ObjectSlot tenant = add_object(p, 500);
  ASSERT_EQ(tenant, a);
  EXPECT_TRUE(targets_of(p, tenant).empty());
  EXPECT_EQ(rule_of_remove(p, tenant, b), "unref-without-ref");
  p.add_ref(tenant, b);
  EXPECT_EQ(targets_of(p, tenant), std::vector<std::uint32_t>{2});
}

// The planes the collector marks from: a root bit at every held object's head, a pointer bit at
// the head of every object that stores a pointer, following holds, drops, refs, moves and frees.
TEST(ProgramPlanes, FollowHoldsRefsMovesAndFrees) {
  Program p(kPoolBlocks);
  const ObjectSlot a = add_object(p, 1);
  const ObjectSlot b = add_object(p, 2);
  const BitPlane& roots = *p.root_plane();
  const BitPlane& pointers = *p.pointer_plane();
  EXPECT_TRUE(roots.test(1) && roots.test(2));
  EXPECT_FALSE(pointers.test(1) || pointers.test(2));
  p.add_ref(a, b);
  p.drop(b);
  EXPECT_TRUE(pointers.test(1));
  EXPECT_FALSE(roots.test(2));
  p.place(a, BlockIndex(40), 64);  // a moves: both its bits go with it
  EXPECT_FALSE(roots.test(1) || pointers.test(1));
  EXPECT_TRUE(roots.test(40) && pointers.test(40));
  p.remove_ref(a, b);
  EXPECT_FALSE(pointers.test(40));
  p.kill(a);
  EXPECT_FALSE(roots.test(40));
  p.hold(b);
  EXPECT_TRUE(roots.test(2));
}

}  // namespace
}  // namespace gcsim
