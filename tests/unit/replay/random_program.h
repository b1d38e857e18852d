// Test helper: a random but valid trace that uses every op — alloc (sizes from 0 to a quarter
// of the pool, some with finalisers), realloc (grow, shrink, to 0), free, drop, hold, ref,
// unref, collect, threshold, disable/enable, mark, observe — so that replays hit collections of
// every cause, MemoryErrors of every class and every realloc path.
//
// Valid means no event breaks a rule the replay checks: events only name objects the generator
// holds (alive by definition), refs start only from objects with memory, and an unref names a
// ref that still exists between a held object and its target (which that ref keeps alive).
// Events on an object whose allocation failed are fine: the replay skips them.
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "trace/event.h"

namespace gcsim::test {

inline std::vector<Event> random_program(std::uint64_t seed, std::size_t n_events,
                                         std::uint64_t pool_bytes) {
  std::mt19937_64 rng(seed);
  auto below = [&](std::uint64_t n) {
    return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(rng);
  };
  auto size = [&]() -> std::uint64_t {
    const std::uint64_t kind = below(100);
    if (kind < 5) return 0;
    if (kind < 65) return 1 + below(64);
    if (kind < 90) return 65 + below(960);
    return 1 + below(pool_bytes / 4);
  };
  struct Held {
    std::uint64_t id;
    std::uint64_t size;
  };
  std::vector<Held> held;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> refs;  // from → to, one per ref event
  std::uint64_t next_id = 1;
  bool enabled = true;
  auto forget_refs = [&](std::uint64_t id, bool as_target) {
    std::erase_if(refs,
                  [&](const auto& r) { return r.first == id || (as_target && r.second == id); });
  };
  std::vector<Event> events;
  while (events.size() < n_events) {
    Event e;
    const std::uint64_t roll = below(100);
    if (held.empty() || roll < 36) {
      e.op = Op::alloc;
      e.id = next_id++;
      e.size = size();
      e.fin = below(10) == 0;
      held.push_back({e.id, e.size});
    } else if (roll < 50) {
      const std::size_t i = below(held.size());
      e.op = Op::drop;
      e.id = held[i].id;
      held.erase(held.begin() + static_cast<std::ptrdiff_t>(i));
      // Its refs stay: it may live on through them, but is never named again.
    } else if (roll < 56) {
      const std::size_t i = below(held.size());
      e.op = Op::free;
      e.id = held[i].id;
      forget_refs(e.id, true);
      held.erase(held.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (roll < 68) {
      Held& h = held[below(held.size())];
      // Never from 0 bytes: that is a gc_alloc which may fail and leave the object empty.
      if (h.size == 0) continue;
      e.op = Op::realloc;
      e.id = h.id;
      e.size = below(8) == 0 ? 0 : (below(2) == 0 ? h.size + 1 + below(256) : size());
      // A failed realloc keeps the old memory; the generator only needs to know "any memory".
      if (e.size == 0) forget_refs(e.id, false);
      h.size = e.size;
    } else if (roll < 78) {
      const Held& from = held[below(held.size())];
      const Held& to = held[below(held.size())];
      if (from.size == 0) continue;
      e.op = Op::ref;
      e.id = from.id;
      e.to = to.id;
      refs.emplace_back(from.id, to.id);
    } else if (roll < 84) {
      std::vector<std::size_t> candidates;
      for (std::size_t r = 0; r < refs.size(); ++r) {
        for (const Held& h : held) {
          if (h.id == refs[r].first) candidates.push_back(r);
        }
      }
      if (candidates.empty()) continue;
      const std::size_t r = candidates[below(candidates.size())];
      e.op = Op::unref;
      e.id = refs[r].first;
      e.to = refs[r].second;
      refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(r));
    } else if (roll < 87) {
      e.op = Op::hold;
      e.id = held[below(held.size())].id;
    } else if (roll < 89) {
      e.op = Op::collect;
    } else if (roll < 93) {
      e.op = Op::threshold;
      const std::int64_t choices[] = {-1,  0,    31,   32,
                                      100, 1000, 4096, static_cast<std::int64_t>(pool_bytes / 3)};
      e.amount = choices[below(std::size(choices))];
    } else if (roll < 96) {
      e.op = enabled ? Op::disable : Op::enable;
      enabled = !enabled;
    } else if (roll < 98) {
      e.op = Op::mark;
      e.text = "m" + std::to_string(below(4));
    } else {
      e.op = Op::observe;
      e.mem_alloc = static_cast<std::int64_t>(below(pool_bytes));
    }
    events.push_back(std::move(e));
  }
  return events;
}

// Test helper: a random trace shaped like an object graph — chains (each new node referenced
// by the last), fan-out (a head referencing its members, some pointing back: cycles), refs
// across structures and their unrefs, members held and dropped again, whole structures dropped
// or their heads freed, reallocs, collections, threshold changes. Valid until its last tenth,
// where it sometimes holds an object of a dropped structure that may or may not still be
// reachable (through a ref from another structure): the replay decides, and a dead one ends
// the trace with a dead-id error.
inline std::vector<Event> graph_program(std::uint64_t seed, std::size_t n_events,
                                        std::uint64_t pool_bytes) {
  std::mt19937_64 rng(seed);
  auto below = [&](std::uint64_t n) { return rng() % n; };
  struct Structure {
    std::uint64_t head;
    bool chain;
    std::vector<std::uint64_t> members;
  };
  std::vector<Structure> structures;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> cross;  // head → member of another
  std::vector<std::uint64_t> dropped;                          // maybe dead
  std::uint64_t next_id = 1;
  bool enabled = true;
  std::vector<Event> events;
  auto emit = [&](Op op, std::uint64_t id, std::uint64_t to = 0) {
    Event e;
    e.op = op;
    e.id = id;
    e.to = to;
    events.push_back(e);
  };
  auto end_structure = [&](std::size_t i) {
    const Structure& s = structures[i];
    dropped.push_back(s.head);
    dropped.insert(dropped.end(), s.members.begin(), s.members.end());
    std::erase_if(cross, [&](const auto& r) { return r.first == s.head; });
    structures.erase(structures.begin() + static_cast<std::ptrdiff_t>(i));
  };
  while (events.size() < n_events) {
    const std::uint64_t roll = below(100);
    if (structures.empty() || roll < 30) {
      Event e;
      e.op = Op::alloc;
      e.id = next_id++;
      e.size = 1 + below(below(8) == 0 ? pool_bytes / 8 : 96);
      events.push_back(e);
      if (structures.empty() || below(5) < 2) {
        structures.push_back({e.id, below(2) == 0, {}});
        continue;
      }
      Structure& s = structures[below(structures.size())];
      emit(Op::ref, s.chain && !s.members.empty() ? s.members.back() : s.head, e.id);
      if (!s.chain && below(5) == 0) emit(Op::ref, e.id, s.head);
      emit(Op::drop, e.id);
      s.members.push_back(e.id);
    } else if (roll < 40) {
      const Structure& from = structures[below(structures.size())];
      const Structure& to = structures[below(structures.size())];
      if (to.members.empty()) continue;
      const std::uint64_t member = to.members[below(to.members.size())];
      emit(Op::ref, from.head, member);
      cross.emplace_back(from.head, member);
    } else if (roll < 48) {
      if (below(2) == 0 && !cross.empty()) {
        const std::size_t i = below(cross.size());
        emit(Op::unref, cross[i].first, cross[i].second);
        cross.erase(cross.begin() + static_cast<std::ptrdiff_t>(i));
        continue;
      }
      Structure& s = structures[below(structures.size())];
      if (s.chain || s.members.empty()) continue;
      const std::size_t m = below(s.members.size());
      emit(Op::unref, s.head, s.members[m]);
      dropped.push_back(s.members[m]);
      s.members.erase(s.members.begin() + static_cast<std::ptrdiff_t>(m));
    } else if (roll < 60) {
      const Structure& s = structures[below(structures.size())];
      if (s.members.empty()) continue;
      const std::uint64_t member = s.members[below(s.members.size())];
      emit(Op::hold, member);
      emit(Op::drop, member);
    } else if (roll < 66) {
      const std::size_t i = below(structures.size());
      emit(below(3) == 0 ? Op::free : Op::drop, structures[i].head);
      end_structure(i);
    } else if (roll < 72) {
      Event e;
      e.op = Op::realloc;
      e.id = structures[below(structures.size())].head;
      e.size = 1 + below(below(4) == 0 ? pool_bytes / 8 : 256);
      events.push_back(e);
    } else if (roll < 75) {
      emit(Op::collect, 0);
    } else if (roll < 78) {
      Event e;
      e.op = Op::threshold;
      const std::int64_t choices[] = {-1, 0, 100, 1000, static_cast<std::int64_t>(pool_bytes / 3)};
      e.amount = choices[below(std::size(choices))];
      events.push_back(e);
    } else if (roll < 80) {
      emit(enabled ? Op::disable : Op::enable, 0);
      enabled = !enabled;
    } else if (roll < 82 && !dropped.empty() && events.size() > n_events / 10 * 9) {
      const std::uint64_t id = dropped[below(dropped.size())];
      emit(Op::hold, id);
      emit(Op::drop, id);
    }
  }
  return events;
}

}  // namespace gcsim::test
