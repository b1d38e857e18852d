// Does gcsim draw the heap map the real collector's heap would give, character for character,
// for both rules versions (v1.11 and v1.28.0 runs of data/index.json)?
//
// The real side is rebuilt here without gcsim's collector, from what the real one reported:
//   <run>.blocks.csv.gz   where every successful alloc/realloc landed (head block, length)
//   <run>.events.csv.gz   at which events a collection ran
//   the trace             frees, and the held set and references that decide what a collection
//                         frees: exactly the objects unreachable from the held set (the harness
//                         scans no C stack, and the oracle checked that the result never depends
//                         on stale pointers; data/README.md)
// A collection inside an alloc runs before the allocation lands, so it is applied before the
// event. The rebuilt heap is first checked against the real mem_alloc of that event
// (<run>.csv.gz), then its map is compared with gcsim's at every collection, every failure,
// the end and 16 evenly spaced events (the block letters), and its full mem_info(1) text at
// the evenly spaced ones and the end. gc_info is recomputed here from the letters, the way
// gc.c walks the table (docs/collector.md §7).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "oracle_data.h"
#include "replay/driver.h"
#include "replay/type_letter.h"
#include "report/heap_map/mem_info.h"
#include "trace/reader.h"

namespace gcsim {
namespace {

// gc_info from one letter per block: the walk of gc.c's gc_info.
HeapInfo info_from_letters(const std::string& letters, std::uint32_t block_bytes) {
  HeapInfo info;
  info.total = letters.size() * block_bytes;
  std::uint32_t chain = 0, free_run = 0;
  auto end_chain = [&] {
    if (chain == 1) ++info.num_1block;
    if (chain == 2) ++info.num_2block;
    info.max_block = std::max(info.max_block, chain);
    chain = 0;
  };
  for (const char c : letters) {
    if (c == '=') {
      ++chain;
      continue;
    }
    end_chain();
    if (c == '.') {
      ++free_run;
      info.free += block_bytes;
    } else {
      info.max_free = std::max(info.max_free, free_run);
      free_run = 0;
      chain = 1;
    }
  }
  end_chain();
  info.max_free = std::max(info.max_free, free_run);
  info.used = info.total - info.free;
  return info;
}

// The real heap, rebuilt from the oracle's placements and the trace's liveness rules.
class RealHeap {
 public:
  RealHeap(const oracle::OracleRun& run, std::uint64_t pool_blocks)
      : events_(read_all_events(run.trace_file)), letters_(pool_blocks, '.') {
    for (const oracle::Placement& p : oracle::load_placements(run.blocks_csv)) {
      placement_[p.event] = p;
    }
    for (const oracle::NotableEvent& n : oracle::load_notable(run.events_csv)) {
      if (n.what == "collect") collections_.insert(n.event);
    }
  }

  const std::string& letters() const { return letters_; }
  const std::set<std::uint64_t>& collections() const { return collections_; }

  void apply(std::uint64_t index) {
    if (collections_.contains(index)) collect();
    const Event& e = events_.at(index);
    const auto placed = placement_.find(index);
    auto known = [&](std::uint64_t id) { return objects_.contains(id); };
    switch (e.op) {
      case Op::alloc:
        if (e.size > 0 && placed == placement_.end()) break;  // failed: events naming it skip
        objects_[e.id] = {true, -1, 0, type_letter(e.text), {}};
        if (placed != placement_.end()) place(e.id, placed->second);
        break;
      case Op::realloc:
        if (known(e.id) && placed != placement_.end()) {
          unplace(e.id);
          place(e.id, placed->second);
        }
        break;
      case Op::free:
        if (known(e.id)) {
          unplace(e.id);
          objects_.erase(e.id);
        }
        break;
      case Op::hold:
        if (known(e.id)) objects_[e.id].held = true;
        break;
      case Op::drop:
        if (known(e.id)) objects_[e.id].held = false;
        break;
      case Op::ref:
        if (known(e.id) && known(e.to)) objects_[e.id].refs.insert(e.to);
        break;
      case Op::unref:
        if (known(e.id) && known(e.to)) {
          auto& refs = objects_[e.id].refs;
          if (const auto it = refs.find(e.to); it != refs.end()) refs.erase(it);
        }
        break;
      default:
        break;
    }
  }

 private:
  struct Object {
    bool held = true;
    std::int64_t head = -1;
    std::uint64_t blocks = 0;
    char letter = 'h';
    std::multiset<std::uint64_t> refs;
  };

  void place(std::uint64_t id, const oracle::Placement& p) {
    Object& o = objects_[id];
    o.head = static_cast<std::int64_t>(p.block);
    o.blocks = p.blocks;
    letters_[p.block] = o.letter;
    std::fill_n(letters_.begin() + static_cast<std::ptrdiff_t>(p.block) + 1, p.blocks - 1, '=');
  }
  void unplace(std::uint64_t id) {
    Object& o = objects_[id];
    if (o.head >= 0) std::fill_n(letters_.begin() + o.head, o.blocks, '.');
    o.head = -1;
  }
  // Everything unreachable from the held set goes (a freed object's id is gone already, so a
  // pointer left to it leads nowhere).
  void collect() {
    std::set<std::uint64_t> reached;
    std::vector<std::uint64_t> stack;
    for (const auto& [id, o] : objects_) {
      if (o.held) stack.push_back(id);
    }
    while (!stack.empty()) {
      const std::uint64_t id = stack.back();
      stack.pop_back();
      const auto it = objects_.find(id);
      if (it == objects_.end() || !reached.insert(id).second) continue;
      stack.insert(stack.end(), it->second.refs.begin(), it->second.refs.end());
    }
    for (auto it = objects_.begin(); it != objects_.end();) {
      if (reached.contains(it->first)) {
        ++it;
        continue;
      }
      unplace(it->first);
      it = objects_.erase(it);
    }
  }

  std::vector<Event> events_;
  std::string letters_;
  std::map<std::uint64_t, oracle::Placement> placement_;
  std::set<std::uint64_t> collections_;
  std::unordered_map<std::uint64_t, Object> objects_;
};

std::string map_text(const HeapInfo& info, const std::string& letters, const HeapMapFormat& f) {
  std::ostringstream out;
  write_heap_map(out, info, letters, f);
  return out.str();
}

// Advances the real heap with gcsim's replay and compares at the checkpoints.
class MapComparer final : public ReplayObserver {
 public:
  MapComparer(RealHeap& real, const oracle::OracleRun& run)
      : real_(real), states_(oracle::load_states(run.csv)), events_(run.events) {
    for (const oracle::NotableEvent& n : oracle::load_notable(run.events_csv)) {
      if (n.what == "alloc_fail" || n.what == "realloc_fail") failures_.insert(n.event);
    }
  }

  void after_event(const Event&, const EventPosition& pos, const EventOutcome&,
                   const Simulation& sim) override {
    if (::testing::Test::HasFatalFailure()) return;  // one mismatch is enough
    const std::uint64_t i = pos.index;
    real_.apply(i);
    const std::uint64_t step = std::max<std::uint64_t>(1, events_ / 16);
    const bool spaced = i % step == 0 || i + 1 == events_;
    if (!spaced && !real_.collections().contains(i) && !failures_.contains(i)) return;
    ++checked;
    const Collector& c = sim.collector();
    const std::uint32_t b = c.layout().params.block_bytes;
    const HeapInfo real_info = info_from_letters(real_.letters(), b);
    ASSERT_EQ(static_cast<std::int64_t>(real_info.used), states_.at(i).mem_alloc)
        << "the rebuilt heap disagrees with the real mem_alloc at event " << i;
    const std::string ours = block_letters(c.table(), &sim.program());
    ASSERT_EQ(ours, real_.letters()) << "event " << i;
    if (spaced) {
      const HeapMapFormat format = heap_map_format(c.layout());
      EXPECT_EQ(map_text(heap_info(c.table(), b), ours, format),
                map_text(real_info, real_.letters(), format))
          << "event " << i;
      ++texts;
    }
  }

  std::uint64_t checked = 0, texts = 0;

 private:
  RealHeap& real_;
  std::vector<oracle::StateRow> states_;
  std::uint64_t events_;
  std::set<std::uint64_t> failures_;
};

class HeapMapPlacements : public ::testing::TestWithParam<oracle::OracleRun> {};

TEST_P(HeapMapPlacements, MapsEqualTheRealHeap) {
  const oracle::OracleRun& run = GetParam();
  ReplaySettings s;
  s.preset = "k210";
  s.geometry = find_preset("k210")->params;
  s.geometry.heap_bytes = run.heap_bytes;
  s.geometry.rules = oracle::rules_of(run);
  const std::uint64_t pool_blocks = layout_for(s.geometry).pool_blocks;
  RealHeap real(run, pool_blocks);
  MapComparer comparer(real, run);
  replay_trace(run.trace_file, s, nullptr, &comparer);
  EXPECT_GE(comparer.checked, std::min<std::uint64_t>(run.events, 16));
  EXPECT_GE(comparer.texts, std::min<std::uint64_t>(run.events, 16));
}

INSTANTIATE_TEST_SUITE_P(EveryRun, HeapMapPlacements, ::testing::ValuesIn(oracle::load_index()),
                         [](const auto& run) { return oracle::test_name(run.param); });

}  // namespace
}  // namespace gcsim
