// The grid's LIST syntax: every form (values with K/M, geometric and linear ranges, off/-1,
// quarter, port), duplicates dropped in order, the per-cell resolution of named values, and
// every error with its message.
#include "sweep/grid.h"

#include <gtest/gtest.h>

namespace gcsim::sweep {
namespace {

std::vector<std::string> labels(std::string_view text, GridAxis axis = GridAxis::threshold) {
  std::vector<std::string> out;
  for (const GridValue& v : parse_grid_list(text, axis)) out.push_back(v.label());
  return out;
}

std::string error_of(std::string_view text, GridAxis axis = GridAxis::threshold) {
  try {
    parse_grid_list(text, axis);
  } catch (const GridError& e) {
    return e.what();
  }
  return "no error";
}

using Labels = std::vector<std::string>;

TEST(SweepGrid, ValuesWithSuffixes) {
  EXPECT_EQ(labels("4096,8192"), (Labels{"4096", "8192"}));
  EXPECT_EQ(labels("4K, 512k,1M,2m"), (Labels{"4096", "524288", "1048576", "2097152"}));
  EXPECT_EQ(labels("0"), (Labels{"0"}));  // gc.threshold(0): collect before every allocation
  EXPECT_EQ(labels("4KB,8KiB,0x4000"), (Labels{"4096", "8192", "16384"}));
}

TEST(SweepGrid, GeometricRange) {
  EXPECT_EQ(labels("1024..16384*2"), (Labels{"1024", "2048", "4096", "8192", "16384"}));
  EXPECT_EQ(labels("1K..10K*3"), (Labels{"1024", "3072", "9216"}));  // the end only if hit
  EXPECT_EQ(labels("4096..4096*2"), (Labels{"4096"}));
  EXPECT_EQ(labels("1024..65536*2").size(), 7u);
}

TEST(SweepGrid, LinearRange) {
  EXPECT_EQ(labels("1024..4096+1024"), (Labels{"1024", "2048", "3072", "4096"}));
  EXPECT_EQ(labels("0..5000+2K"), (Labels{"0", "2048", "4096"}));
  EXPECT_EQ(labels("1..1+1000000"), (Labels{"1"}));
}

TEST(SweepGrid, NamedValues) {
  EXPECT_EQ(labels("off,quarter,port"), (Labels{"off", "quarter", "port"}));
  EXPECT_EQ(labels("-1"), (Labels{"off"}));
  EXPECT_EQ(labels("-5"), (Labels{"off"}));  // gc.threshold(n < 0) disables, as any negative does
  EXPECT_EQ(labels("port,256K", GridAxis::heap_size), (Labels{"port", "262144"}));
}

TEST(SweepGrid, DuplicatesAreDroppedKeepingTheFirst) {
  EXPECT_EQ(labels("8192,4096,8K,off,-1,1K..8K*2"),
            (Labels{"8192", "4096", "off", "1024", "2048"}));
  EXPECT_EQ(labels("port,port,quarter,quarter"), (Labels{"port", "quarter"}));
}

TEST(SweepGrid, LabelsParseBackToTheSameValue) {
  for (const GridValue& v : parse_grid_list("off,quarter,port,0,4K,1..9+4", GridAxis::threshold)) {
    EXPECT_EQ(parse_grid_list(v.label(), GridAxis::threshold), std::vector<GridValue>{v});
  }
}

TEST(SweepGrid, Errors) {
  EXPECT_EQ(error_of(""), "the threshold list is empty");
  EXPECT_EQ(error_of("  "), "the threshold list is empty");
  EXPECT_EQ(error_of("4096,,8192"), "empty item in the threshold list '4096,,8192'");
  EXPECT_EQ(error_of("4096,"), "empty item in the threshold list '4096,'");
  EXPECT_EQ(
      error_of("lots"),
      "'lots' is not a size (bytes: 524288, 512K, 512KiB, 3M or 0x80000), a range, or one of off, "
      "quarter, port");
  EXPECT_EQ(error_of("4Q"),
            "'4Q' is not a size (bytes: 524288, 512K, 512KiB, 3M or 0x80000), a range, or one of "
            "off, quarter, "
            "port");
  EXPECT_EQ(
      error_of("1.5K"),
      "'1.5K' is not a size (bytes: 524288, 512K, 512KiB, 3M or 0x80000), a range, or one of off, "
      "quarter, port");
  EXPECT_EQ(error_of("+4"),
            "'+4' is not a size (bytes: 524288, 512K, 512KiB, 3M or 0x80000), a range, or one of "
            "off, quarter, port");
  EXPECT_EQ(
      error_of("lots", GridAxis::heap_size),
      "'lots' is not a size (bytes: 524288, 512K, 512KiB, 3M or 0x80000), a range, or one of port");
  EXPECT_EQ(error_of("1024..8192"),
            "range '1024..8192' needs a step: A..B*FACTOR (geometric) or A..B+STEP (linear)");
  EXPECT_EQ(error_of("1024.."),
            "range '1024..' needs a step: A..B*FACTOR (geometric) or A..B+STEP (linear)");
  EXPECT_EQ(error_of("..8K*2"), "'' in '..8K*2' is not a size");
  EXPECT_EQ(error_of("1K..x*2"), "'x' in '1K..x*2' is not a size");
  EXPECT_EQ(error_of("8192..1024*2"), "range '8192..1024*2' starts above its end");
  EXPECT_EQ(error_of("1024..8192*1"),
            "range '1024..8192*1': the factor after * must be a whole number of at least 2");
  EXPECT_EQ(error_of("1024..8192*1.5"),
            "range '1024..8192*1.5': the factor after * must be a whole number of at least 2");
  EXPECT_EQ(error_of("1024..8192*"),
            "range '1024..8192*': the factor after * must be a whole number of at least 2");
  EXPECT_EQ(error_of("0..8192*2"), "range '0..8192*2': a geometric range cannot start at 0");
  EXPECT_EQ(error_of("1024..8192+0"), "range '1024..8192+0': the step after + must be above 0");
  EXPECT_EQ(error_of("0..1M+1"), "range '0..1M+1' makes more than 1024 values");
  EXPECT_EQ(error_of("99999999999999999999999"),
            "'99999999999999999999999': a threshold is at most 1099511627776 bytes");
  EXPECT_EQ(error_of("2000000M"), "'2000000M': a threshold is at most 1099511627776 bytes");
  EXPECT_EQ(error_of("5000M", GridAxis::heap_size),
            "'5000M': a heap size is at most 4294967296 bytes");
  EXPECT_EQ(error_of("off", GridAxis::heap_size),
            "'off' is not a heap size (off, -1 and quarter are thresholds)");
  EXPECT_EQ(error_of("-1", GridAxis::heap_size),
            "'-1' is not a heap size (off, -1 and quarter are thresholds)");
  EXPECT_EQ(error_of("quarter", GridAxis::heap_size),
            "'quarter' is not a heap size (off, -1 and quarter are thresholds)");
  EXPECT_EQ(error_of("0", GridAxis::heap_size), "a heap size of 0 makes no heap");
}

TEST(SweepGrid, TooManyValuesAcrossItems) {
  EXPECT_EQ(error_of("0..1023+1,2000,3000"), "a list holds at most 1024 values");
}

TEST(SweepGrid, NamedValuesResolvePerCell) {
  const Layout k210 = *compute_layout(find_preset("k210")->params);  // 518,144-byte pool
  EXPECT_EQ(resolve_threshold({GridKind::quarter, 0}, k210, -1), 518144 / 4);
  EXPECT_EQ(resolve_threshold({GridKind::off, 0}, k210, 16384), -1);
  EXPECT_EQ(resolve_threshold({GridKind::port, 0}, k210, 16384), 16384);
  EXPECT_EQ(resolve_threshold({GridKind::bytes, 1000}, k210, -1), 1000);
  EXPECT_EQ(resolve_heap_bytes({GridKind::port, 0}, 524288), 524288u);
  EXPECT_EQ(resolve_heap_bytes({GridKind::bytes, 4096}, 524288), 4096u);
}

}  // namespace
}  // namespace gcsim::sweep
