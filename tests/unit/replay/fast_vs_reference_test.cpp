// Fast vs reference: does the indexed bookkeeping (the free-run index's first fit, the running
// free-space summaries, liveness from counted referrers) give exactly what py/gc.c's own
// block-by-block search from gc_last_free_atb_index, gc_info's full scan and a walk of the
// object graph after every drop give — the same placement, collection, MemoryError, heap state
// after every event and the same error where a trace names a dead object — on 1,200 random
// traces of every op and 600 graph-shaped ones (chains, fan-out, cycles, refs and unrefs,
// drop/hold pairs), across heap sizes, block sizes and both rules versions? Speed must never buy
// a different answer.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collector/heap_info.h"
#include "random_program.h"
#include "replay/driver.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

// What one event did, as far as anything gcsim reports can tell.
struct EventRecord {
  StateSample state;
  BlockIndex placed_head;
  std::uint64_t placed_blocks = 0;
  std::optional<CollectionRecord> collection;
  std::optional<FailureRecord> failure;
  bool skipped = false;
  HeapInfo info;  // gc_info as the run's bookkeeping answers it
};

bool same(const CollectionRecord& a, const CollectionRecord& b) {
  return a.cause == b.cause && a.amount_blocks == b.amount_blocks &&
         a.used_blocks_before == b.used_blocks_before &&
         a.used_blocks_after == b.used_blocks_after &&
         a.largest_free_before == b.largest_free_before &&
         a.largest_free_after == b.largest_free_after && a.heads_marked == b.heads_marked &&
         a.blocks_marked == b.blocks_marked && a.heads_freed == b.heads_freed &&
         a.blocks_freed == b.blocks_freed && a.blocks_swept == b.blocks_swept;
}

template <class T>
std::optional<T> copy(const T* record) {
  return record ? std::optional<T>(*record) : std::nullopt;
}

class Recording final : public ReplayObserver {
 public:
  void after_event(const Event& e, const EventPosition& position, const EventOutcome& outcome,
                   const Simulation& sim) override {
    const Collector& c = sim.collector();
    const std::uint32_t b = c.layout().params.block_bytes;
    EventRecord r{take_sample(sim, EventIndex(position.index), e.op),
                  outcome.placed_head,
                  outcome.placed_blocks,
                  copy(outcome.collection),
                  copy(outcome.failure),
                  outcome.skipped,
                  reference ? scan_heap_info(c.table(), b) : heap_info(c.table(), b)};
    records.push_back(r);
    if (!reference) {
      // The summaries against a recount, and gc_info's fast answer against its scan.
      ASSERT_EQ(c.table().check(), "") << "event " << position.index;
      ASSERT_EQ(heap_info(c.table(), b), scan_heap_info(c.table(), b))
          << "event " << position.index;
    }
  }
  bool reference = false;
  std::vector<EventRecord> records;
};

struct Config {
  std::string name;
  GeometryParams geometry;
};

std::vector<Config> configs() {
  std::vector<Config> out;
  for (const char* preset : {"k210", "wasm32"}) {
    for (std::uint64_t heap : {2048u, 5000u, 16384u}) {
      for (RulesVersion rules : {RulesVersion::v1_11, RulesVersion::v1_20}) {
        GeometryParams g = find_preset(preset)->params;
        g.heap_bytes = heap;
        g.rules = rules;
        g.start_offset = heap == 5000 ? g.word_bytes : 0;
        out.push_back({std::string(preset) + "_" + std::to_string(heap) + "_" +
                           (rules == RulesVersion::v1_11 ? "v111" : "v120"),
                       g});
      }
    }
  }
  return out;
}

class FastVsReference : public testing::TestWithParam<Config> {};

// What the compared replays went through: the comparison proves little unless they reach the
// interesting paths.
struct Seen {
  std::uint64_t collections = 0, failures = 0, errors = 0;
};

// Replays `events` both ways and requires the same record at every event and the same error,
// if any.
void compare(const EventArray& events, ReplaySettings settings, Seen& seen) {
  Recording fast, reference;
  reference.reference = true;
  auto run = [&](Recording& recording, const char* name) -> std::string {
    try {
      replay_events(events, {}, settings, name, nullptr, &recording);
    } catch (const TraceError& e) {
      return e.what();
    }
    return "";
  };
  const std::string fast_error = run(fast, "trace");
  if (testing::Test::HasFatalFailure()) return;
  settings.bookkeeping = Bookkeeping::reference;
  const std::string reference_error = run(reference, "trace");
  ASSERT_EQ(fast_error, reference_error);
  seen.errors += fast_error.empty() ? 0 : 1;
  ASSERT_EQ(fast.records.size(), reference.records.size());
  for (std::size_t i = 0; i < fast.records.size(); ++i) {
    const EventRecord& f = fast.records[i];
    const EventRecord& r = reference.records[i];
    SCOPED_TRACE("event " + std::to_string(i));
    ASSERT_EQ(f.placed_head, r.placed_head);
    ASSERT_EQ(f.placed_blocks, r.placed_blocks);
    ASSERT_EQ(f.skipped, r.skipped);
    ASSERT_EQ(f.state.mem_alloc, r.state.mem_alloc);
    ASSERT_EQ(f.state.mem_free, r.state.mem_free);
    ASSERT_EQ(f.state.max_free, r.state.max_free);
    ASSERT_EQ(f.state.free_runs, r.state.free_runs);
    ASSERT_EQ(f.state.amount_blocks, r.state.amount_blocks);
    ASSERT_EQ(f.state.collections, r.state.collections);
    ASSERT_EQ(f.info, r.info);
    ASSERT_EQ(f.collection.has_value(), r.collection.has_value());
    if (f.collection) {
      ASSERT_TRUE(same(*f.collection, *r.collection));
    }
    ASSERT_EQ(f.failure.has_value(), r.failure.has_value());
    if (f.failure) {
      ASSERT_EQ(f.failure->failure_class, r.failure->failure_class);
      ASSERT_EQ(f.failure->mem_free, r.failure->mem_free);
      ASSERT_EQ(f.failure->largest_free_blocks, r.failure->largest_free_blocks);
    }
    seen.collections += f.collection ? 1 : 0;
    seen.failures += f.failure ? 1 : 0;
  }
}

ReplaySettings settings_for(const Config& config, std::uint64_t seed) {
  ReplaySettings settings;
  settings.preset = "test";
  settings.geometry = config.geometry;
  settings.threshold_bytes = seed % 3 == 0 ? -1 : static_cast<std::int64_t>(seed * 64);
  return settings;
}

TEST_P(FastVsReference, SameAnswerAtEveryEvent) {
  constexpr std::uint64_t kTracesPerConfig = 100;  // × 12 configurations = 1,200 traces
  const Config& config = GetParam();
  const Layout layout = layout_for(config.geometry);
  Seen seen;
  for (std::uint64_t seed = 1; seed <= kTracesPerConfig; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const EventArray events(test::random_program(seed * 7919 + layout.pool_blocks,
                                                 300 + seed % 7 * 100, layout.pool_bytes));
    compare(events, settings_for(config, seed), seen);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(seen.collections, kTracesPerConfig);
  EXPECT_GT(seen.failures, 0u);
  EXPECT_EQ(seen.errors, 0u);  // valid traces
}

TEST_P(FastVsReference, SameAnswerOnGraphShapedTraces) {
  constexpr std::uint64_t kTracesPerConfig = 50;  // × 12 configurations = 600 traces
  const Config& config = GetParam();
  const Layout layout = layout_for(config.geometry);
  Seen seen;
  for (std::uint64_t seed = 1; seed <= kTracesPerConfig; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const EventArray events(test::graph_program(seed * 104729 + layout.pool_blocks,
                                                500 + seed % 5 * 250, layout.pool_bytes));
    compare(events, settings_for(config, seed), seen);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(seen.collections, kTracesPerConfig);
  EXPECT_GT(seen.failures, 0u);
  // Some end naming a dead object, and some name only reachable ones.
  EXPECT_GT(seen.errors, kTracesPerConfig / 10);
  EXPECT_LT(seen.errors, kTracesPerConfig * 9 / 10);
}

INSTANTIATE_TEST_SUITE_P(Geometries, FastVsReference, testing::ValuesIn(configs()),
                         [](const testing::TestParamInfo<Config>& p) { return p.param.name; });

}  // namespace
}  // namespace gcsim
