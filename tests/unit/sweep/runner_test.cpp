// The runner: each cell is what a replay of that setting gives, the result (and its JSON) is
// byte-identical for -j 1, 2 and 8, and errors come out the same whatever the thread count.
#include "sweep/runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "sweep/parallel.h"
#include "sweep/recommend.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_report.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using test::json_of;

using test::kClasses;
using test::kFragmentation;

TEST(SweepRunner, CellsAreTheReplaysOfTheirSettings) {
  const test::Loaded in = test::load({kClasses}, "off,quarter,64", "4096,8K");
  const SweepResult r = run_sweep(in.spec, in.traces, std::nullopt, 2);
  ASSERT_EQ(r.cells.size(), 6u);
  for (const CellResult& c : r.cells) {
    SCOPED_TRACE(c.index);
    EXPECT_EQ(c.coord, in.spec.shape().at(c.index));
    ReplaySettings s;
    s.preset = "k210";
    s.geometry = find_preset("k210")->params;
    s.geometry.heap_bytes = c.coord.heap == 0 ? 4096 : 8192;
    const Layout layout = layout_for(s.geometry);
    s.threshold_bytes = std::vector<std::int64_t>{
        -1, static_cast<std::int64_t>(layout.pool_bytes / 4), 64}[c.coord.threshold];
    const ReplayResult want = replay_trace(kClasses, s);
    EXPECT_EQ(c.threshold_requested, s.threshold_bytes);
    EXPECT_EQ(c.heap_bytes, s.geometry.heap_bytes);
    EXPECT_EQ(c.pool_blocks, want.layout.pool_blocks);
    EXPECT_EQ(c.metrics, make_cell(0, {}, want).metrics);
  }
  // The README's classes.jsonl walk-through at 4,096 bytes: 4 collections, 3 MemoryErrors.
  EXPECT_EQ(count_of(r.cells[0], "collections.total"), 4u);
  EXPECT_EQ(count_of(r.cells[0], "failures.total"), 3u);
  EXPECT_EQ(r.cells[1].threshold_requested, 3968 / 4);
  EXPECT_EQ(r.cells[1].threshold_effective, 992);
}

TEST(SweepRunner, OutputIsByteIdenticalForAnyJobCount) {
  test::Loaded in = test::load({kClasses, kFragmentation}, "off,quarter,64K", "port,256K");
  in.spec.min_heap = true;
  in.spec.min_heap_to = 262144;  // the scans' own thread-count test is in heap_scan_test.cpp
  const std::string one = json_of(run_sweep(in.spec, in.traces, std::nullopt, 1));
  EXPECT_EQ(json_of(run_sweep(in.spec, in.traces, std::nullopt, 2)), one);
  EXPECT_EQ(json_of(run_sweep(in.spec, in.traces, std::nullopt, 8)), one);
  EXPECT_NE(one.find("\"min_heap\": ["), std::string::npos);
}

TEST(SweepRunner, AHeapSizeThatMakesNoHeapFailsBeforeAnyReplay) {
  const test::Loaded in = test::load({kClasses}, "off", "4096,16");
  try {
    run_sweep(in.spec, in.traces, std::nullopt, 2);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "heap size 16 bytes with 32-byte blocks and 8-byte words makes no heap");
  }
}

TEST(SweepParallel, RunsEveryTaskOnceAndRethrowsTheLowestFailure) {
  for (unsigned jobs : {1u, 2u, 8u}) {
    std::vector<std::atomic<int>> runs(100);
    run_parallel(100, jobs, [&](std::size_t i) { ++runs[i]; });
    for (const auto& n : runs) EXPECT_EQ(n.load(), 1);
    try {
      run_parallel(100, jobs, [](std::size_t i) {
        if (i == 40 || i == 41 || i == 90) throw std::runtime_error(std::to_string(i));
      });
      FAIL() << "no error";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "40") << jobs;
    }
  }
}

// Tasks of costs 1..9 bytes on 8 threads within 12 bytes: the running tasks never cost more
// together, every task runs once, and the budget does let some run side by side.
TEST(SweepParallel, RunningTasksNeverCostMoreThanTheBudget) {
  constexpr std::size_t kTasks = 200;
  constexpr std::uint64_t kBudget = 12;
  const auto cost = [](std::size_t i) { return std::uint64_t{1} + i % 9; };
  std::vector<std::atomic<int>> runs(kTasks);
  std::atomic<std::uint64_t> running{0}, most_running{0};
  std::atomic<int> most_at_once{0}, at_once{0};
  run_parallel_within(kTasks, 8, kBudget, cost, [&](std::size_t i) {
    const std::uint64_t now = running += cost(i);
    const int n = ++at_once;
    for (std::uint64_t m = most_running; now > m && !most_running.compare_exchange_weak(m, now);) {
    }
    for (int m = most_at_once; n > m && !most_at_once.compare_exchange_weak(m, n);) {
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    ++runs[i];
    --at_once;
    running -= cost(i);
  });
  for (const auto& n : runs) EXPECT_EQ(n.load(), 1);
  EXPECT_LE(most_running.load(), kBudget);
  EXPECT_GT(most_at_once.load(), 1);
}

TEST(SweepParallel, ATaskOverTheBudgetIsRefusedBeforeAnyRuns) {
  std::atomic<int> runs{0};
  EXPECT_THROW(
      run_parallel_within(
          3, 2, 10, [](std::size_t i) { return i == 2 ? 11u : 1u; }, [&](std::size_t) { ++runs; }),
      std::logic_error);
  EXPECT_EQ(runs.load(), 0);
}

// A budget changes how many replays run at once, never what they give; one too small for a
// single replay is refused, naming it.
TEST(SweepRunner, AMemoryBudgetKeepsTheResultAndRefusesWhatCannotFit) {
  test::Loaded in = test::load({kClasses, kFragmentation}, "off,64", "4096,256K,1M");
  in.spec.min_heap = true;
  in.spec.min_heap_to = 262144;
  const std::string free_run = json_of(run_sweep(in.spec, in.traces, std::nullopt, 4));
  const std::uint64_t tight = (std::uint64_t{20} << 20);  // room for about one 1M replay
  EXPECT_EQ(json_of(run_sweep(in.spec, in.traces, std::nullopt, {4, tight})), free_run);
  try {
    run_sweep(in.spec, in.traces, std::nullopt, {4, std::uint64_t{1} << 20});
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(
        std::string_view(e.what()).starts_with("--max-memory: 1,048,576 bytes is too "
                                               "little: a replay of fragmentation on a "
                                               "1,048,576-byte heap needs an estimated"))
        << e.what();
  }
}

}  // namespace
}  // namespace gcsim::sweep
