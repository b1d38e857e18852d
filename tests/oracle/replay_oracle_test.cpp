// Does gcsim's replay reproduce the real MicroPython collector (py/gc.c v1.11 and v1.28.0)
// event for event? Every run in data/index.json is replayed on the k210 geometry at its heap
// size and compared with what the real collector reported: mem_alloc, mem_free, largest free
// run and collection count after every event; each collection's cause, amount and threshold;
// each MemoryError and its class (gcsim's classify_failure against the real heap's); each
// realloc's path; where every allocation landed; the totals.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "collector/heap_info.h"
#include "oracle_data.h"
#include "replay/driver.h"
#include "report/state_csv.h"

namespace gcsim {
namespace {

ReplaySettings settings_for(const oracle::OracleRun& run) {
  ReplaySettings s;
  s.geometry = find_preset("k210")->params;
  s.geometry.heap_bytes = run.heap_bytes;
  s.geometry.rules = oracle::rules_of(run);
  return s;
}

// gcsim's class of a MemoryError (FailureRecord::failure_class, Collector::classify_failure)
// in the oracle's words: "exhausted" is capacity (fewer free bytes than requested after the
// collector's own collection), "fragmentation" is fragmentation. The real collector has no
// "disabled" class: gcsim says so when gc.disable() suppressed a collection that would have
// made the request fit, where gc.c just fails; then gc must be disabled, and the oracle's word
// is what the heap shows with that collection not made (its free bytes against the request).
std::string oracle_class(const FailureRecord& f, const Simulation& sim) {
  switch (f.failure_class) {
    case FailureClass::capacity:
      return "exhausted";
    case FailureClass::fragmentation:
      return "fragmentation";
    case FailureClass::disabled: {
      EXPECT_FALSE(sim.collector().trigger().enabled()) << "event " << f.event;
      const std::uint64_t b = sim.collector().layout().params.block_bytes;
      return f.mem_free >= f.n_blocks * b ? "fragmentation" : "exhausted";
    }
  }
  return "?";
}

// Collects what the replay did at each event, in the oracle's own terms.
class OracleComparer final : public ReplayObserver {
 public:
  explicit OracleComparer(std::uint64_t check_every) : check_every_(check_every) {}

  void after_event(const Event& e, const EventPosition& pos, const EventOutcome& out,
                   const Simulation& sim) override {
    const auto& table = sim.collector().table();
    const std::uint32_t b = sim.collector().layout().params.block_bytes;
    const HeapInfo info = heap_info(table, b);
    states.push_back({pos.index, static_cast<std::int64_t>(info.used),
                      static_cast<std::int64_t>(info.free),
                      static_cast<std::int64_t>(info.max_free) * b,
                      static_cast<std::int64_t>(sim.collector().collections())});
    if (pos.index % check_every_ == 0) {
      const std::string problem = table.check();
      if (!problem.empty()) FAIL() << "event " << pos.index << ": " << problem;
      EXPECT_EQ(info, scan_heap_info(table, b)) << "event " << pos.index;
    }
    if (out.collection) {
      notable.push_back({pos.index, "collect", -1, -1,
                         std::string(cause_name(out.collection->cause)),
                         static_cast<std::int64_t>(out.collection->amount_blocks), 0});
    }
    if (out.failure) {
      const auto& f = *out.failure;
      notable.push_back({pos.index, f.realloc ? "realloc_fail" : "alloc_fail",
                         static_cast<std::int64_t>(e.id), static_cast<std::int64_t>(e.size),
                         oracle_class(f, sim), static_cast<std::int64_t>(f.mem_free),
                         static_cast<std::int64_t>(f.largest_free_blocks) * b});
    }
    if (out.realloc && *out.realloc != ReallocKind::failed) {
      notable.push_back({pos.index, "realloc", static_cast<std::int64_t>(e.id),
                         static_cast<std::int64_t>(e.size),
                         std::string(realloc_kind_name(*out.realloc)), 0, 0});
    }
    if (e.op == Op::alloc && e.size == 0) {
      notable.push_back(
          {pos.index, "alloc_zero", static_cast<std::int64_t>(e.id), 0, "null", 0, 0});
    }
    if (out.placed_head != kNoBlock) {
      placements.push_back({pos.index, e.id, out.placed_head.value, out.placed_blocks});
    }
  }

  std::vector<oracle::StateRow> states;
  std::vector<oracle::NotableEvent> notable;
  std::vector<oracle::Placement> placements;

 private:
  std::uint64_t check_every_;
};

class OracleReplay : public ::testing::TestWithParam<oracle::OracleRun> {};

TEST_P(OracleReplay, MatchesTheRealCollectorAfterEveryEvent) {
  const oracle::OracleRun& run = GetParam();
  OracleComparer got(run.events < 5000 ? 1 : 211);
  std::ostringstream csv;
  StateCsvWriter csv_writer(csv, 1);
  const ReplayResult result = replay_trace(run.trace_file, settings_for(run), &csv_writer, &got);
  csv_writer.finish();

  // The per-event CSV gcsim writes (--csv) carries the oracle's columns, row for row.
  {
    const auto want = oracle::load_states(run.csv);
    std::istringstream rows(csv.str());
    std::string line;
    std::getline(rows, line);
    ASSERT_EQ(line, kStateCsvHeader);
    for (const auto& w : want) {
      ASSERT_TRUE(std::getline(rows, line)) << "CSV ends before event " << w.event;
      // event,op,mem_alloc,mem_free,max_free,free_runs,collections
      std::vector<std::string> f;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
      ASSERT_EQ(f.size(), 7u) << line;
      ASSERT_EQ(f[0], std::to_string(w.event));
      ASSERT_TRUE(f[2] == std::to_string(w.mem_alloc) && f[3] == std::to_string(w.mem_free) &&
                  f[4] == std::to_string(w.max_free) && f[6] == std::to_string(w.collections))
          << "CSV row " << line << " vs oracle " << w.mem_alloc << "," << w.mem_free << ","
          << w.max_free << "," << w.collections;
    }
    ASSERT_FALSE(std::getline(rows, line)) << "extra CSV row " << line;
  }

  const auto want_states = oracle::load_states(run.csv);
  ASSERT_EQ(got.states.size(), want_states.size());
  for (std::size_t i = 0; i < want_states.size(); ++i) {
    const auto& w = want_states[i];
    const auto& g = got.states[i];
    ASSERT_EQ(g.event, w.event);
    ASSERT_TRUE(g.mem_alloc == w.mem_alloc && g.mem_free == w.mem_free &&
                g.max_free == w.max_free && g.collections == w.collections)
        << "event " << w.event << ": got " << g.mem_alloc << "," << g.mem_free << "," << g.max_free
        << "," << g.collections << " want " << w.mem_alloc << "," << w.mem_free << "," << w.max_free
        << "," << w.collections;
  }

  // Notable events, in order; collect rows compare cause and amount (a), not b.
  const auto want_notable = oracle::load_notable(run.events_csv);
  const auto& want_cmp = want_notable;
  ASSERT_EQ(got.notable.size(), want_cmp.size());
  for (std::size_t i = 0; i < want_cmp.size(); ++i) {
    const auto& w = want_cmp[i];
    const auto& g = got.notable[i];
    SCOPED_TRACE("notable row " + std::to_string(i) + " at event " + std::to_string(w.event));
    ASSERT_EQ(g.event, w.event);
    ASSERT_EQ(g.what, w.what);
    ASSERT_EQ(g.detail, w.detail);
    if (w.what == "collect") {
      ASSERT_EQ(g.a, w.a);
    }
    if (w.what.ends_with("_fail")) {
      ASSERT_EQ(g.id, w.id);
      ASSERT_EQ(g.a, w.a);
      ASSERT_EQ(g.b, w.b);
    }
    if (w.what == "realloc") {
      ASSERT_EQ(g.id, w.id);
    }
  }

  const auto want_placements = oracle::load_placements(run.blocks_csv);
  ASSERT_EQ(got.placements.size(), want_placements.size());
  for (std::size_t i = 0; i < want_placements.size(); ++i) {
    const auto& w = want_placements[i];
    const auto& g = got.placements[i];
    ASSERT_TRUE(g.event == w.event && g.id == w.id && g.block == w.block && g.blocks == w.blocks)
        << "placement at event " << w.event << ": got id " << g.id << " block " << g.block << " x"
        << g.blocks << ", want id " << w.id << " block " << w.block << " x" << w.blocks;
  }

  const nlohmann::json summary = oracle::load_json(run.summary_json);
  const ReplaySummary& s = result.summary;
  EXPECT_EQ(result.layout.pool_blocks, summary["pool_blocks"].get<std::uint64_t>());
  EXPECT_EQ(result.layout.pool_bytes, summary["initial_mem_free"].get<std::uint64_t>());
  EXPECT_EQ(s.collections_total, summary["collections"]["total"].get<std::uint64_t>());
  EXPECT_EQ(s.collections_explicit, summary["collections"]["explicit"].get<std::uint64_t>());
  EXPECT_EQ(s.collections_threshold, summary["collections"]["threshold"].get<std::uint64_t>());
  EXPECT_EQ(s.collections_oom, summary["collections"]["oom"].get<std::uint64_t>());
  EXPECT_EQ(s.failures_alloc, summary["failures"]["alloc"].get<std::uint64_t>());
  EXPECT_EQ(s.failures_realloc, summary["failures"]["realloc"].get<std::uint64_t>());
  EXPECT_EQ(s.failures_fragmentation, summary["failures"]["fragmentation"].get<std::uint64_t>());
  EXPECT_EQ(s.skipped_events, summary["skipped_events"].get<std::uint64_t>());
  EXPECT_EQ(s.zero_size_allocs, summary["zero_size_allocs"].get<std::uint64_t>());
  EXPECT_EQ(s.peak_mem_alloc, summary["peak_mem_alloc"].get<std::uint64_t>());
  EXPECT_EQ(s.peak_event, summary["peak_mem_alloc_event"].get<std::uint64_t>());
  EXPECT_EQ(s.final_mem_alloc, summary["final"]["mem_alloc"].get<std::uint64_t>());
  EXPECT_EQ(s.final_mem_free, summary["final"]["mem_free"].get<std::uint64_t>());
  EXPECT_EQ(s.final_max_free, summary["final"]["max_free"].get<std::uint64_t>());
  EXPECT_EQ(s.final_live_objects, summary["live_objects_at_end"].get<std::uint64_t>());
}

INSTANTIATE_TEST_SUITE_P(AllRuns, OracleReplay, ::testing::ValuesIn(oracle::load_index()),
                         [](const auto& run) { return oracle::test_name(run.param); });

}  // namespace
}  // namespace gcsim
