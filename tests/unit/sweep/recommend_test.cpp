// The recommendation rule on cells made by hand: no MemoryError first, then the least GC work,
// then the largest lowest-free-run, then the smaller heap and the grid order; the reason names
// the rule that decided and both values; one recommendation per trace, none for a shard.
#include "sweep/recommend.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using test::made_cell;

// A result of two traces over one heap size; cost model: 1 cycle per block swept, nothing else.
SweepResult result_of(std::vector<CellResult> cells, std::size_t thresholds) {
  SweepResult r;
  for (const char* name : {"a", "b"}) {
    r.spec.traces.emplace_back();
    r.spec.traces.back().name.assign(name);
  }
  r.spec.thresholds.assign(thresholds, GridValue{});
  r.spec.heap_sizes.assign(1, GridValue{});
  r.spec.cost = {1, 0, 1, 0};  // 1 MHz: 1,000 cycles = 1 ms
  r.cells = std::move(cells);
  return r;
}

TEST(SweepRecommend, NoMemoryErrorBeatsLessGcWork) {
  const SweepResult r = result_of(
      {made_cell(0, 0, 2, 100, 9000), made_cell(1, 0, 0, 5000, 100), made_cell(2, 0, 1, 10, 9000)},
      3);
  const auto recs = recommend(r);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].best, 1u);
  EXPECT_EQ(recs[0].runner_up, 2u);
  EXPECT_EQ(recs[0].decided_by, DecidedBy::failures);
  EXPECT_EQ(recs[0].reason, "no MemoryError; the runner-up has 1");
}

TEST(SweepRecommend, AmongFailingSettingsTheFewestFailuresWin) {
  const SweepResult r = result_of({made_cell(0, 0, 3, 1, 0), made_cell(1, 0, 2, 9, 0)}, 2);
  EXPECT_EQ(recommend(r)[0].best, 1u);
  EXPECT_EQ(recommend(r)[0].reason, "2 MemoryErrors, the fewest; the runner-up has 3");
}

TEST(SweepRecommend, ThenTheLeastGcWork) {
  const SweepResult r = result_of(
      {made_cell(0, 0, 0, 3000, 100), made_cell(1, 0, 0, 2000, 50), made_cell(2, 0, 0, 2500, 9000)},
      3);
  const auto rec = recommend(r)[0];
  EXPECT_EQ(rec.best, 1u);
  EXPECT_EQ(rec.runner_up, 2u);
  EXPECT_EQ(rec.decided_by, DecidedBy::gc_work);
  EXPECT_EQ(rec.reason, "no MemoryError; least GC work: 2.000 ms vs 2.500 ms estimated");
}

TEST(SweepRecommend, ThenTheLargestLowestFreeRun) {
  const SweepResult r =
      result_of({made_cell(0, 0, 0, 2000, 4096), made_cell(1, 0, 0, 2000, 8192)}, 2);
  const auto rec = recommend(r)[0];
  EXPECT_EQ(rec.best, 1u);
  EXPECT_EQ(rec.decided_by, DecidedBy::lowest_max_free);
  EXPECT_EQ(
      rec.reason,
      "no MemoryError; GC work tied at 2.000 ms; larger lowest free run: 8,192 vs 4,096 bytes");
}

TEST(SweepRecommend, ExactTiesGoToTheSmallerHeapThenTheGridOrder) {
  SweepResult r = result_of({made_cell(0, 0, 0, 7, 7, 8192), made_cell(1, 0, 0, 7, 7, 4096)}, 2);
  EXPECT_EQ(recommend(r)[0].best, 1u);
  EXPECT_EQ(recommend(r)[0].decided_by, DecidedBy::heap);
  r = result_of({made_cell(0, 0, 0, 7, 7), made_cell(1, 0, 0, 7, 7)}, 2);
  EXPECT_EQ(recommend(r)[0].best, 0u);
  EXPECT_EQ(recommend(r)[0].decided_by, DecidedBy::grid_order);
  EXPECT_EQ(recommend(r)[0].reason,
            "no MemoryError; tied with the runner-up on every rule; first in the grid");
}

TEST(SweepRecommend, OnePerTraceAndNoneForAShard) {
  std::vector<CellResult> cells = {made_cell(0, 0, 0, 9, 0), made_cell(1, 0, 0, 5, 0)};
  cells.push_back(made_cell(2, 1, 0, 1, 0));
  cells.back().coord = {1, 0, 0};
  SweepResult r = result_of(cells, 2);
  const auto recs = recommend(r);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].best, 1u);
  EXPECT_EQ(recs[1].trace, 1u);
  EXPECT_EQ(recs[1].best, 2u);
  EXPECT_FALSE(recs[1].runner_up);
  EXPECT_EQ(recs[1].decided_by, DecidedBy::only_setting);
  EXPECT_EQ(recs[1].reason, "no MemoryError; the only setting swept");
  r.shard = Shard{1, 2};
  EXPECT_TRUE(recommend(r).empty());
}

}  // namespace
}  // namespace gcsim::sweep
