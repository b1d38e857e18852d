// Cell order and shards: the index arithmetic is a bijection in trace, heap, threshold order,
// and the shards of N partition every index.
#include "sweep/cells.h"

#include <gtest/gtest.h>

#include <set>

namespace gcsim::sweep {
namespace {

TEST(SweepCells, IndexOrderIsTraceThenHeapThenThreshold) {
  const GridShape shape{2, 3, 4};
  EXPECT_EQ(shape.cells(), 24u);
  EXPECT_EQ(shape.at(0), (CellCoord{0, 0, 0}));
  EXPECT_EQ(shape.at(1), (CellCoord{0, 0, 1}));
  EXPECT_EQ(shape.at(4), (CellCoord{0, 1, 0}));
  EXPECT_EQ(shape.at(12), (CellCoord{1, 0, 0}));
  EXPECT_EQ(shape.at(23), (CellCoord{1, 2, 3}));
  for (std::size_t i = 0; i < shape.cells(); ++i) {
    const CellCoord c = shape.at(i);
    EXPECT_EQ((c.trace * 3 + c.heap) * 4 + c.threshold, i);
  }
}

TEST(SweepShard, ParsesIOfN) {
  EXPECT_EQ(parse_shard("1/1"), (Shard{1, 1}));
  EXPECT_EQ(parse_shard("3/4"), (Shard{3, 4}));
  EXPECT_EQ(parse_shard("3/4").text(), "3/4");
  for (const char* bad :
       {"", "1", "0/4", "5/4", "1/0", "a/4", "1/4x", "-1/4", "1/-4", "/4", "1/"}) {
    EXPECT_THROW(parse_shard(bad), std::invalid_argument) << bad;
  }
  try {
    parse_shard("5/4");
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "'5/4' is not a shard: want I/N with 1 <= I <= N, e.g. 2/4");
  }
}

TEST(SweepShard, ShardsPartitionTheTasks) {
  for (std::uint32_t n = 1; n <= 5; ++n) {
    std::multiset<std::size_t> seen;
    for (std::uint32_t i = 1; i <= n; ++i) {
      for (std::size_t task = 0; task < 17; ++task) {
        if (Shard{i, n}.holds(task)) seen.insert(task);
      }
    }
    EXPECT_EQ(seen.size(), 17u);
    for (std::size_t task = 0; task < 17; ++task) EXPECT_EQ(seen.count(task), 1u);
  }
}

}  // namespace
}  // namespace gcsim::sweep
