// --tolerance parsing: names pick metrics by key or prefix (the longest wins), values are
// absolute (with K/M) or relative (%), MemoryErrors take none, and bad items say why.
#include "sweep/tolerance.h"

#include <gtest/gtest.h>

namespace gcsim::sweep {
namespace {

const Metric& metric(std::string_view key) { return *find_metric(key); }

std::string tolerance_error(std::string_view text) {
  try {
    Tolerances::parse(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(SweepBaselineTolerance, NamesPickMetricsByKeyOrPrefix) {
  const Tolerances t = Tolerances::parse(
      "collections=5%,peak=0,lowest=4K,collections.oom=2,worst_fragmentation=0.05");
  EXPECT_DOUBLE_EQ(t.allowance(metric("collections.total"), 200), 10);
  EXPECT_DOUBLE_EQ(t.allowance(metric("collections.threshold"), 40), 2);
  EXPECT_DOUBLE_EQ(t.allowance(metric("collections.oom"), 1000), 2);  // the longer name wins
  EXPECT_DOUBLE_EQ(t.allowance(metric("peak_mem_alloc"), 1e6), 0);
  EXPECT_DOUBLE_EQ(t.allowance(metric("lowest_mem_free"), 0), 4096);
  EXPECT_DOUBLE_EQ(t.allowance(metric("lowest_max_free"), 0), 4096);
  EXPECT_DOUBLE_EQ(t.allowance(metric("worst_fragmentation"), 0.5), 0.05);
  EXPECT_DOUBLE_EQ(t.allowance(metric("gc_work.blocks_swept"), 1e6), 0);  // not named: 0
  EXPECT_EQ(t.describe(metric("collections.total")), "5%");
  EXPECT_EQ(t.describe(metric("lowest_max_free")), "4096");
  EXPECT_EQ(t.describe(metric("gc_work.blocks_marked")), "0");
}

TEST(SweepBaselineTolerance, AllCoversEverythingButMemoryErrors) {
  const Tolerances t = Tolerances::parse("all=10%,gc_work=1M");
  EXPECT_DOUBLE_EQ(t.allowance(metric("peak_mem_alloc"), 1000), 100);
  EXPECT_DOUBLE_EQ(t.allowance(metric("gc_work.blocks_marked"), 1000), 1048576);
  EXPECT_DOUBLE_EQ(t.allowance(metric("failures.capacity"), 1000), 0);
  EXPECT_DOUBLE_EQ(Tolerances::parse("").allowance(metric("peak_mem_alloc"), 1000), 0);
}

TEST(SweepBaselineTolerance, Errors) {
  EXPECT_EQ(tolerance_error("collections"),
            "'collections' is not METRIC=AMOUNT (e.g. collections=5%)");
  EXPECT_EQ(tolerance_error("=5%"), "'=5%' is not METRIC=AMOUNT (e.g. collections=5%)");
  EXPECT_EQ(tolerance_error("collections=lots"),
            "'collections=lots': a tolerance is a number >= 0, optionally with % (of the baseline) "
            "or K/M");
  EXPECT_EQ(
      tolerance_error("collections=-1"),
      "'collections=-1': a tolerance is a number >= 0, optionally with % (of the baseline) or K/M");
  EXPECT_EQ(
      tolerance_error("collections="),
      "'collections=': a tolerance is a number >= 0, optionally with % (of the baseline) or K/M");
  EXPECT_EQ(tolerance_error("failures=1"),
            "'failures=1': MemoryErrors take no tolerance; any new one fails");
  EXPECT_EQ(tolerance_error("failures.capacity=1"),
            "'failures.capacity=1': MemoryErrors take no tolerance; any new one fails");
  const std::string unknown = tolerance_error("peek=0");
  EXPECT_TRUE(unknown.starts_with("'peek' names no gated metric; known: all, collections.total, "))
      << unknown;
  EXPECT_TRUE(tolerance_error("events=5")
                  .starts_with("'events' names no gated metric"));  // no worse direction
  EXPECT_TRUE(tolerance_error("coll=5").starts_with(
      "'coll' names no gated metric"));  // not at a '.' or '_'
}

}  // namespace
}  // namespace gcsim::sweep
