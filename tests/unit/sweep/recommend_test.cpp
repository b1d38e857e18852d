// The recommendation rule on cells made by hand: safe first (no MemoryError on the heap, on any
// larger heap of the grid at its threshold, or within the safety margin), then the goal — the
// smallest heap, then the least GC time by default — then the grid order; the reason names the
// rule that decided with both values, and the runner-up's cost is in KPU bytes and GC ms. One
// recommendation per trace, none for a shard.
#include "sweep/recommend.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

// A cell of trace `trace` at threshold `threshold` and heap `heap_bytes`; cost model below: one
// ms per 1,000 blocks swept.
CellResult cell(std::size_t index, std::size_t trace, std::size_t threshold,
                std::uint64_t heap_bytes, std::uint64_t failures, std::uint64_t blocks_swept,
                std::uint64_t lowest_max_free = 0) {
  CellResult c = test::made_cell(index, trace, failures, blocks_swept, lowest_max_free, heap_bytes);
  c.coord = {trace, 0, threshold};
  return c;
}

SweepResult result_of(std::vector<CellResult> cells, std::size_t thresholds,
                      Prefer prefer = Prefer::heap) {
  SweepResult r;
  for (const char* name : {"a", "b"}) {
    r.spec.traces.emplace_back();
    r.spec.traces.back().name.assign(name);
    r.spec.traces.back().preset = "k210";
  }
  r.spec.thresholds.assign(thresholds, GridValue{});
  r.spec.heap_sizes.assign(1, GridValue{});
  r.spec.cost = {1, 0, 1, 0};  // 1 MHz: 1,000 cycles = 1 ms
  r.spec.prefer = prefer;
  r.cells = std::move(cells);
  return r;
}

constexpr std::uint64_t k256K = 262144, k512K = 524288;

TEST(SweepRecommend, TheSmallestSafeHeapThenTheLeastGcTimeOnIt) {
  // Threshold 0: 256K costs 100 blocks swept; threshold 1: 50. Both pass on 512K for free.
  const SweepResult r = result_of({cell(0, 0, 0, k256K, 0, 100), cell(1, 0, 1, k256K, 0, 50),
                                   cell(2, 0, 0, k512K, 0, 0), cell(3, 0, 1, k512K, 0, 0)},
                                  2);
  const auto recs = recommend(r);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].best, 1u);
  EXPECT_EQ(recs[0].runner_up, 0u);
  EXPECT_TRUE(recs[0].safe);
  EXPECT_EQ(recs[0].decided_by, DecidedBy::gc_time);
  EXPECT_EQ(recs[0].reason,
            "safe: no MemoryError on it or on any larger heap of the grid at this threshold; on "
            "the smallest safe heap, the least est. GC time: 0.050 vs 0.100 ms");
  ASSERT_TRUE(recs[0].runner_up_cost);
  EXPECT_EQ(recs[0].runner_up_cost->heap_bytes, 0);
  EXPECT_EQ(recs[0].runner_up_cost->kpu_bytes, 0);
  EXPECT_DOUBLE_EQ(recs[0].runner_up_cost->gc_ms, 0.05);
  EXPECT_EQ(recs[0].runner_up_text, "the same KPU memory, +0.050 ms est. GC");
}

TEST(SweepRecommend, ALargerFailingHeapMakesASmallerOneUnsafe) {
  // Threshold 0 passes on 256K but fails on 512K (fragmentation, say): not safe.
  const SweepResult r = result_of({cell(0, 0, 0, k256K, 0, 0), cell(1, 0, 1, k256K, 0, 100),
                                   cell(2, 0, 0, k512K, 2, 0), cell(3, 0, 1, k512K, 0, 10)},
                                  2);
  const std::vector<CellSafety> safety = cell_safety(r);
  ASSERT_EQ(safety.size(), 4u);
  EXPECT_EQ(safety[0].safety, Safety::larger_heap_fails);
  EXPECT_EQ(safety[0].failing_cell, 2u);
  EXPECT_EQ(safety[0].why, "the larger heap 524,288 fails at this threshold (2 MemoryErrors)");
  EXPECT_EQ(safety[1].safety, Safety::safe);
  EXPECT_EQ(safety[2].safety, Safety::fails);
  EXPECT_EQ(safety[3].safety, Safety::safe);
  const Recommendation rec = recommend(r, safety)[0];
  EXPECT_EQ(rec.best, 1u);
  EXPECT_EQ(rec.runner_up, 3u);  // safe, on the larger heap
  EXPECT_EQ(rec.decided_by, DecidedBy::heap);
  EXPECT_EQ(rec.reason,
            "safe: no MemoryError on it or on any larger heap of the grid at this threshold; the "
            "smallest heap: 262,144 vs 524,288 bytes");
  EXPECT_EQ(rec.runner_up_cost->kpu_bytes, -262144);
  EXPECT_EQ(rec.runner_up_text, "262,144 fewer bytes for the KPU, -0.090 ms est. GC");
}

TEST(SweepRecommend, OtherGoals) {
  const std::vector<CellResult> cells = {
      cell(0, 0, 0, k256K, 0, 100, 4096), cell(1, 0, 1, k256K, 0, 50, 8192),
      cell(2, 0, 0, k512K, 0, 0, 65536), cell(3, 0, 1, k512K, 0, 0, 131072)};
  Recommendation rec = recommend(result_of(cells, 2, Prefer::gc_time))[0];
  EXPECT_EQ(rec.best, 2u);  // no GC time on 512K for either threshold: the grid order decides
  EXPECT_EQ(rec.runner_up, 3u);
  EXPECT_EQ(rec.decided_by, DecidedBy::grid_order);
  rec = recommend(result_of(cells, 2, Prefer::free_run))[0];
  EXPECT_EQ(rec.best, 3u);
  EXPECT_EQ(rec.runner_up, 2u);
  EXPECT_EQ(rec.decided_by, DecidedBy::free_run);
  EXPECT_NE(rec.reason.find("the largest lowest free run: 131,072 vs 65,536 bytes"),
            std::string::npos)
      << rec.reason;
}

TEST(SweepRecommend, WithNothingSafeTheFewestMemoryErrors) {
  const SweepResult r = result_of({cell(0, 0, 0, k256K, 3, 1), cell(1, 0, 1, k256K, 2, 9)}, 2);
  const Recommendation rec = recommend(r)[0];
  EXPECT_EQ(rec.best, 1u);
  EXPECT_FALSE(rec.safe);
  EXPECT_EQ(rec.decided_by, DecidedBy::failures);
  EXPECT_EQ(rec.reason,
            "no setting is safe; this one has 2 MemoryErrors, the fewest; the runner-up has 3 "
            "MemoryErrors");
}

TEST(SweepRecommend, SafeBeatsAPassingCellThatIsNot) {
  // 256K passes on threshold 0 but its margin does not hold; threshold 1 needs 512K.
  std::vector<CellResult> cells = {cell(0, 0, 0, k256K, 0, 0), cell(1, 0, 1, k256K, 1, 0),
                                   cell(2, 0, 0, k512K, 0, 0), cell(3, 0, 1, k512K, 0, 0)};
  cells[0].margin = MarginCheck{235930, false, 240000, 3};
  cells[2].margin = MarginCheck{471860, true, std::nullopt, 1};
  cells[3].margin = MarginCheck{471860, true, std::nullopt, 1};
  SweepResult r = result_of(cells, 2);
  r.spec.safety_margin = parse_safety_margin("10%");
  const std::vector<CellSafety> safety = cell_safety(r);
  EXPECT_EQ(safety[0].safety, Safety::margin_fails);
  EXPECT_EQ(safety[0].why, "the heap 240,000 within the safety margin (10%) fails");
  const Recommendation rec = recommend(r, safety)[0];
  EXPECT_EQ(rec.best, 2u);
  EXPECT_EQ(rec.runner_up, 3u);
  EXPECT_EQ(rec.reason,
            "safe: no MemoryError on it, on any heap down to 471,860 bytes (margin 10%) or on any "
            "larger heap of the grid at this threshold; tied with the runner-up on every rule; "
            "first in the grid");
}

TEST(SweepRecommend, MinHeapIslandsMakeAGridHeapUnsafe) {
  // The scan at threshold 0 found heaps between 300,000 and 310,000 failing: 256K is below
  // them, so not safe, though every larger grid heap passes.
  SweepResult r = result_of({cell(0, 0, 0, k256K, 0, 0), cell(1, 0, 0, k512K, 0, 5)}, 1);
  MinHeapResult m;
  m.trace = 0;
  m.threshold = 0;
  m.heap_bytes = 310001;
  m.smallest_passing_bytes = 200000;
  m.searched_to_bytes = 1048576;
  m.islands = {{200000, 299999, true, {}}, {300000, 310000, false, {0, 3, 0}}};
  r.min_heaps = {m};
  const std::vector<CellSafety> safety = cell_safety(r);
  EXPECT_EQ(safety[0].safety, Safety::larger_heap_fails);
  EXPECT_EQ(safety[0].why, "the larger heap 300,000 fails at this threshold (--min-heap)");
  EXPECT_EQ(safety[1].safety, Safety::safe);
  const Recommendation rec = recommend(r, safety)[0];
  EXPECT_EQ(rec.best, 1u);
  EXPECT_EQ(rec.decided_by, DecidedBy::safety);
  EXPECT_EQ(rec.reason,
            "safe: no MemoryError on it or on any larger heap of the grid at this threshold; the "
            "runner-up is not safe: the larger heap 300,000 fails at this threshold (--min-heap); "
            "--min-heap: every heap from 310,001 to 1,048,576 bytes passes at this threshold");
}

TEST(SweepRecommend, OnePerTraceAndNoneForAShard) {
  std::vector<CellResult> cells = {cell(0, 0, 0, k256K, 0, 9), cell(1, 0, 1, k256K, 0, 5),
                                   cell(2, 1, 0, k256K, 0, 1)};
  SweepResult r = result_of(cells, 2);
  const auto recs = recommend(r);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].best, 1u);
  EXPECT_EQ(recs[1].trace, 1u);
  EXPECT_EQ(recs[1].best, 2u);
  EXPECT_FALSE(recs[1].runner_up);
  EXPECT_FALSE(recs[1].runner_up_cost);
  EXPECT_EQ(recs[1].decided_by, DecidedBy::only_setting);
  EXPECT_EQ(recs[1].reason,
            "safe: no MemoryError on it or on any larger heap of the grid at this threshold; the "
            "only setting swept");
  r.shard = Shard{1, 2};
  EXPECT_TRUE(recommend(r).empty());
  EXPECT_TRUE(cell_safety(r).empty());
}

TEST(SweepRecommend, TheRuleInWords) {
  SweepSpec spec;
  EXPECT_EQ(recommendation_rule(spec),
            "goal heap: safe > smallest heap > least est. GC time > grid order (safe: no "
            "MemoryError on the heap or on any larger grid heap at its threshold; else fewest "
            "MemoryErrors)");
  spec.prefer = Prefer::gc_time;
  spec.safety_margin = parse_safety_margin("4K");
  EXPECT_EQ(recommendation_rule(spec),
            "goal gc-time: safe > least est. GC time > smallest heap > grid order (safe: no "
            "MemoryError on the heap and on any heap down to 4096 below it or on any larger grid "
            "heap at its threshold; else fewest MemoryErrors)");
}

}  // namespace
}  // namespace gcsim::sweep
