// IdRanges: do ids kept as intervals answer membership exactly, through inserts of single ids
// and ranges and erases that split intervals?
#include "replay/id_ranges.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace gcsim {
namespace {

TEST(IdRanges, AdjacentIdsMergeIntoOneInterval) {
  IdRanges r;
  for (std::uint64_t id : {5, 7, 6, 4, 9}) r.insert(id);
  EXPECT_EQ(r.interval_count(), 2u);  // 4..7 and 9
  for (std::uint64_t id : {4, 5, 6, 7, 9}) EXPECT_TRUE(r.contains(id)) << id;
  for (std::uint64_t id : {0, 3, 8, 10}) EXPECT_FALSE(r.contains(id)) << id;
  r.insert(8);
  EXPECT_EQ(r.interval_count(), 1u);
}

TEST(IdRanges, ExtremeIdsAreHandled) {
  IdRanges r;
  r.insert(0);
  r.insert((std::uint64_t{1} << 53) - 1);
  EXPECT_TRUE(r.contains(0));
  EXPECT_TRUE(r.contains((std::uint64_t{1} << 53) - 1));
  EXPECT_FALSE(r.contains(1));
}

TEST(IdRanges, AgreesWithAPlainSetOnRandomInserts) {
  std::mt19937_64 rng(7);
  IdRanges r;
  std::set<std::uint64_t> want;
  for (int i = 0; i < 5000; ++i) {
    const std::uint64_t id = rng() % 3000;
    r.insert(id);
    want.insert(id);
  }
  for (std::uint64_t id = 0; id < 3100; ++id) ASSERT_EQ(r.contains(id), want.contains(id)) << id;
}

TEST(IdRanges, RangesMergeAndErasesSplit) {
  IdRanges r;
  r.insert(10, 19);
  r.insert(30, 39);
  r.insert(20, 29);  // touches both: one interval
  EXPECT_EQ(r.interval_count(), 1u);
  r.erase(25);
  EXPECT_EQ(r.interval_count(), 2u);
  EXPECT_FALSE(r.contains(25));
  EXPECT_TRUE(r.contains(24));
  EXPECT_TRUE(r.contains(26));
  r.erase(10);
  r.erase(39);
  r.erase(100);  // not there: nothing happens
  EXPECT_FALSE(r.contains(10));
  EXPECT_FALSE(r.contains(39));
  EXPECT_TRUE(r.contains(11));
  EXPECT_TRUE(r.contains(38));
  r.insert(5, 50);  // covers everything
  EXPECT_EQ(r.interval_count(), 1u);
}

TEST(IdRanges, AgreesWithAPlainSetOnRandomRangesAndErases) {
  std::mt19937_64 rng(11);
  IdRanges r;
  std::set<std::uint64_t> want;
  for (int i = 0; i < 4000; ++i) {
    const std::uint64_t first = rng() % 3000;
    if (rng() % 3 == 0) {
      r.erase(first);
      want.erase(first);
    } else {
      const std::uint64_t last = first + rng() % 5;
      r.insert(first, last);
      for (std::uint64_t id = first; id <= last; ++id) want.insert(id);
    }
  }
  for (std::uint64_t id = 0; id < 3100; ++id) ASSERT_EQ(r.contains(id), want.contains(id)) << id;
}

}  // namespace
}  // namespace gcsim
