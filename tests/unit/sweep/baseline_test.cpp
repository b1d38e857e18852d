// The baseline comparison: a sweep against a baseline passes when nothing moved, fails when a
// metric moves past its tolerance in the worse direction or a MemoryError is new, and skips
// cells the baseline lacks.
#include "sweep/baseline.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

class SweepBaseline : public ::testing::Test {
 protected:
  SweepBaseline() : in_(test::load({test::kClasses}, "off,64", "4096,8K")) {
    base_ = run_sweep(in_.spec, in_.traces, std::nullopt, 2);
  }
  void set(CellResult& c, std::string_view key, std::uint64_t v) {
    c.metrics[metric_position(key)] = v;
  }
  test::Loaded in_;
  SweepResult base_;
};

TEST_F(SweepBaseline, TheSameResultPasses) {
  const std::vector<Check> checks = compare_with_baseline(base_, base_, {});
  ASSERT_EQ(checks.size(), 4u);
  for (const Check& c : checks) {
    EXPECT_EQ(c.status, CheckStatus::passed) << c.message;
    EXPECT_EQ(c.name, "baseline");
  }
  EXPECT_TRUE(checks[0].message.ends_with("metrics within tolerance of the baseline"))
      << checks[0].message;
}

TEST_F(SweepBaseline, AWorseMetricFailsUnlessTolerated) {
  SweepResult now = base_;
  const std::uint64_t collections = count_of(now.cells[3], "collections.total");
  set(now.cells[3], "collections.total", collections + 1);
  std::vector<Check> checks = compare_with_baseline(now, base_, {});
  EXPECT_EQ(checks[3].status, CheckStatus::failed);
  EXPECT_TRUE(checks[3].message.starts_with("collections.total " + std::to_string(collections) +
                                            " -> " + std::to_string(collections + 1)))
      << checks[3].message;
  EXPECT_EQ(checks[0].status, CheckStatus::passed);
  checks = compare_with_baseline(now, base_, Tolerances::parse("collections=1"));
  EXPECT_EQ(checks[3].status, CheckStatus::passed) << checks[3].message;
  checks = compare_with_baseline(now, base_, Tolerances::parse("collections=100%"));
  EXPECT_EQ(checks[3].status, CheckStatus::passed) << checks[3].message;
}

TEST_F(SweepBaseline, BetterIsNeverARegression) {
  SweepResult now = base_;
  set(now.cells[0], "collections.total", 0);
  set(now.cells[0], "lowest_max_free", count_of(now.cells[0], "lowest_max_free") + 32);
  EXPECT_EQ(compare_with_baseline(now, base_, {})[0].status, CheckStatus::passed);
  set(now.cells[0], "lowest_max_free", count_of(base_.cells[0], "lowest_max_free") - 32);
  const Check c = compare_with_baseline(now, base_, {})[0];
  EXPECT_EQ(c.status, CheckStatus::failed);
  EXPECT_NE(c.message.find("lowest_max_free 800 -> 768 (-4.0%), tolerance 0"), std::string::npos)
      << c.message;
}

TEST_F(SweepBaseline, ANewMemoryErrorFailsWhateverTheTolerance) {
  SweepResult base = base_, now = base_;
  set(base.cells[2], "failures.total", 0);
  set(now.cells[2], "failures.total", 1);
  const Check c = compare_with_baseline(now, base, Tolerances::parse("all=1000%"))[2];
  EXPECT_EQ(c.status, CheckStatus::failed);
  EXPECT_EQ(c.message, "new MemoryError: failures.total 0 -> 1");
}

TEST_F(SweepBaseline, CellsTheBaselineLacksAreSkipped) {
  SweepResult base = base_;
  base.cells.erase(base.cells.begin() + 1);
  const std::vector<Check> checks = compare_with_baseline(base_, base, {});
  EXPECT_EQ(checks[1].status, CheckStatus::skipped);
  EXPECT_EQ(checks[1].message, "not in the baseline");
  EXPECT_EQ(checks[2].status, CheckStatus::passed);
}

}  // namespace
}  // namespace gcsim::sweep
