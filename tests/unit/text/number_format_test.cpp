// number_format: do counts read as a person writes them — thousands grouped, a decimal's whole
// part too, "1 collection" but "2 collections", and a share that is not all or nothing never
// rounded to 100.0% or 0.0%?
#include "text/number_format.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(NumberFormat, Grouped) {
  EXPECT_EQ(grouped(std::uint64_t{0}), "0");
  EXPECT_EQ(grouped(std::uint64_t{518144}), "518,144");
  EXPECT_EQ(grouped(std::int64_t{-1234}), "-1,234");
}

TEST(NumberFormat, GroupedDecimal) {
  EXPECT_EQ(grouped_decimal(12067.8127, 3), "12,067.813");
  EXPECT_EQ(grouped_decimal(0.5, 3), "0.500");
  EXPECT_EQ(grouped_decimal(-1234567.0, 1), "-1,234,567.0");
  EXPECT_EQ(grouped_decimal(999.9996, 3), "1,000.000");
  EXPECT_EQ(grouped_decimal(1234.4, 0), "1,234");
}

TEST(NumberFormat, Plural) {
  EXPECT_EQ(plural(1, "collection", "collections"), "1 collection");
  EXPECT_EQ(plural(0, "collection", "collections"), "0 collections");
  EXPECT_EQ(plural(1234, "byte", "bytes"), "1,234 bytes");
}

TEST(NumberFormat, PercentOfNeverRoundsToAllOrNothing) {
  EXPECT_EQ(percent_of(518112, 518144), "99.9%");  // 32 bytes free
  EXPECT_EQ(percent_of(518144, 518144), "100.0%");
  EXPECT_EQ(percent_of(1, 518144), "0.1%");
  EXPECT_EQ(percent_of(0, 518144), "0.0%");
  EXPECT_EQ(percent_of(0, 0), "0.0%");
  EXPECT_EQ(percent_of(1, 8), "12.5%");
}

}  // namespace
}  // namespace gcsim
