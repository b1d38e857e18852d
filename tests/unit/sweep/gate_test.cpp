// The gate cannot pass by accident: a baseline that matches no cell, an all-skipped gate, a
// trace cut short and a trace with another event count than the baseline's each fail it (the
// first two unless a missing baseline is allowed); budgets check every cell of their trace;
// checks come out trace by trace: the trace's own, then by cell, baseline before budgets.
#include "sweep/gate.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

class SweepGate : public ::testing::Test {
 protected:
  SweepGate() : in_(test::load({test::kClasses}, "off,64", "4096,8K")) {
    base_ = run_sweep(in_.spec, in_.traces, std::nullopt, 2);
  }
  // A gate input against `baseline`, as read from "base.json".
  static GateInput against(const SweepResult& baseline) {
    GateInput in;
    in.settings.baseline_file = "base.json";
    in.baseline = baseline;
    return in;
  }
  test::Loaded in_;
  SweepResult base_;
};

TEST_F(SweepGate, TheSameResultPassesWithATraceCheckEach) {
  const Gate gate = run_gate(base_, against(base_));
  EXPECT_TRUE(gate.passed());
  EXPECT_TRUE(gate.errors.empty());
  ASSERT_EQ(gate.checks.size(), 2u + 4u);  // read, events, then a baseline check per cell
  EXPECT_EQ(gate.checks[0].name, "read");
  EXPECT_FALSE(gate.checks[0].cell);
  EXPECT_EQ(gate.checks[0].message, "read to the end: 23 events");
  EXPECT_EQ(gate.checks[1].name, "events");
  EXPECT_EQ(gate.checks[1].message, "23 events, as in the baseline");
  EXPECT_EQ(gate.checks[2].name, "baseline");
  EXPECT_EQ(gate.checks[2].cell, 0u);
  EXPECT_EQ(gate.checks[5].cell, 3u);
}

TEST_F(SweepGate, ABaselineThatMatchesNoCellFails) {
  // The same cells under another trace name: every cell check is skipped.
  SweepResult other = base_;
  other.spec.traces[0].name = "another";
  const Gate gate = run_gate(base_, against(other));
  EXPECT_EQ(gate.count(CheckStatus::failed), 0u);
  EXPECT_EQ(gate.count(CheckStatus::skipped), 5u);  // events and the 4 cells
  EXPECT_FALSE(gate.passed());
  ASSERT_EQ(gate.errors.size(), 1u);
  EXPECT_EQ(gate.errors[0],
            "the baseline base.json matches none of the 4 cells: it names other traces, "
            "thresholds or heap sizes (--allow-missing-baseline for a first run)");
  EXPECT_EQ(gate.failure_line(base_), gate.errors[0]);

  // Another grid: same trace, other heap sizes.
  test::Loaded grid = test::load({test::kClasses}, "off,64", "12K");
  EXPECT_FALSE(
      run_gate(base_, against(run_sweep(grid.spec, grid.traces, std::nullopt, 2))).passed());

  GateInput allowed = against(other);
  allowed.settings.allow_missing_baseline = true;
  EXPECT_TRUE(run_gate(base_, allowed).passed());
}

TEST_F(SweepGate, APartlyMatchingBaselinePassesItsMatches) {
  SweepResult base = base_;
  base.cells.erase(base.cells.begin() + 1);
  const Gate gate = run_gate(base_, against(base));
  EXPECT_TRUE(gate.passed());
  EXPECT_EQ(gate.count(CheckStatus::skipped), 1u);
}

TEST_F(SweepGate, AGateWithNoCellCheckFails) {
  // A budget with no field checks nothing.
  GateInput in;
  in.settings.budgets["classes"] = Budget{};
  const Gate gate = run_gate(base_, in);
  EXPECT_FALSE(gate.passed());
  ASSERT_EQ(gate.errors.size(), 1u);
  EXPECT_EQ(gate.errors[0],
            "no cell was checked: the gate has no check of any cell (--allow-missing-baseline "
            "for a first run)");
  // A shard that holds no cell of a baseline: all skipped.
  SweepResult none = base_;
  none.cells.clear();
  EXPECT_FALSE(run_gate(base_, against(none)).passed());
}

TEST_F(SweepGate, AMissingBaselineFileIsAllowedOnlyWhenAsked) {
  GateSettings s;
  s.baseline_file = "/nonexistent/base.json";
  EXPECT_THROW(read_gate_input(s), std::runtime_error);
  s.allow_missing_baseline = true;
  const GateInput in = read_gate_input(s);
  EXPECT_FALSE(in.baseline);
  const Gate gate = run_gate(base_, in);
  EXPECT_TRUE(gate.baseline_missing);
  EXPECT_TRUE(gate.passed());
  s.allow_missing_baseline = false;
  s.baseline_file.reset();
  s.tolerance = "collections=5%";
  EXPECT_THROW(read_gate_input(s), std::invalid_argument);  // a tolerance needs a baseline
}

TEST_F(SweepGate, ATraceCutShortFails) {
  SweepResult now = base_;
  now.spec.traces[0].warnings = {"classes.jsonl:24: truncated last line (no newline)"};
  const Gate gate = run_gate(now, against(base_));
  EXPECT_FALSE(gate.passed());
  EXPECT_EQ(gate.count(CheckStatus::failed), 1u);
  EXPECT_EQ(gate.checks[0].status, CheckStatus::failed);
  EXPECT_EQ(gate.checks[0].message,
            "cut short, 23 events read: classes.jsonl:24: truncated last line (no newline)");
  EXPECT_EQ(gate.failure_line(now),
            "1 of 6 checks failed; first: classes read: cut short, 23 events read: "
            "classes.jsonl:24: truncated last line (no newline)");
  // Budgets alone check it too.
  GateInput budgets;
  budgets.settings.budgets["*"].max_failures = 3;
  EXPECT_FALSE(run_gate(now, budgets).passed());
}

TEST_F(SweepGate, AnotherEventCountThanTheBaselinesFails) {
  SweepResult base = base_;
  base.spec.traces[0].events = 22;
  const Gate gate = run_gate(base_, against(base));
  EXPECT_FALSE(gate.passed());
  EXPECT_EQ(gate.checks[1].name, "events");
  EXPECT_EQ(gate.checks[1].status, CheckStatus::failed);
  EXPECT_EQ(gate.checks[1].message, "23 events, the baseline's trace has 22: another recording");
}

TEST_F(SweepGate, BudgetsCheckEveryCellOfTheirTrace) {
  GateInput in;
  in.settings.budgets["*"].max_failures = 3;
  in.settings.budgets["classes"].max_collections = 7;  // 4, 7, 3 and 6 collections
  in.settings.budgets["classes"].min_largest_free = 800;
  const Gate gate = run_gate(base_, in);
  ASSERT_EQ(gate.checks.size(), 1u + 12u);  // read, then 4 cells × 3 budgets, no baseline
  EXPECT_EQ(gate.checks[1].name, "max_failures");
  EXPECT_EQ(gate.checks[1].message, "failures.total 3 <= max_failures 3");
  EXPECT_EQ(gate.checks[3].name, "min_largest_free");
  EXPECT_EQ(gate.checks[3].cell, 0u);
  EXPECT_EQ(gate.checks[4].cell, 1u);
  for (const Check& c : gate.checks) EXPECT_EQ(c.status, CheckStatus::passed) << c.message;
  in.settings.budgets["classes"].max_peak = 100;
  const Gate tight = run_gate(base_, in);
  EXPECT_FALSE(tight.passed());
  EXPECT_EQ(tight.count(CheckStatus::failed), 4u);
  EXPECT_EQ(tight.checks[3].message, "peak_mem_alloc 3,168 > max_peak 100");
  in.settings.budgets["clases"].max_peak = 1;
  EXPECT_THROW(run_gate(base_, in), std::invalid_argument);
}

TEST_F(SweepGate, GateListsBaselineThenBudgetsPerCell) {
  GateInput in = against(base_);
  in.settings.budgets["classes"].max_failures = 0;
  const Gate gate = run_gate(base_, in);
  ASSERT_EQ(gate.checks.size(), 2u + 8u);
  EXPECT_EQ(gate.checks[2].name, "baseline");
  EXPECT_EQ(gate.checks[3].name, "max_failures");
  EXPECT_EQ(gate.checks[4].cell, 1u);
  EXPECT_EQ(gate.count(CheckStatus::failed), 4u);  // classes has MemoryErrors at 4 and 8 KiB
}

}  // namespace
}  // namespace gcsim::sweep
