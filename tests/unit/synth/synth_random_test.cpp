// SynthRandom: does a seed give the same draws everywhere, within the asked range?
#include "synth/synth_random.h"

#include <gtest/gtest.h>

namespace gcsim::synth {
namespace {

TEST(SynthRandom, GivesTheSameDrawsForASeedWithEveryStandardLibrary) {
  // mt19937_64 is specified by the standard and the range reduction is ours, so these values
  // hold for libstdc++ and libc++ alike.
  SynthRandom rng(1);
  EXPECT_EQ(rng.between(0, 999), 528u);
  EXPECT_EQ(rng.between(0, 999), 462u);
  EXPECT_EQ(rng.between(0, 999), 930u);
  EXPECT_EQ(rng.between(0, 999), 246u);
  EXPECT_EQ(rng.between(0, 999), 384u);
}

TEST(SynthRandom, DifferentSeedsGiveDifferentDraws) {
  SynthRandom a(1), b(2);
  int same = 0;
  for (int i = 0; i < 100; ++i) same += a.between(0, 1'000'000) == b.between(0, 1'000'000);
  EXPECT_LT(same, 3);
}

TEST(SynthRandom, StaysInTheInclusiveRangeAndReachesBothEnds) {
  SynthRandom rng(7);
  bool saw_lo = false, saw_hi = false;
  for (int i = 0; i < 2000; ++i) {
    const std::uint64_t x = rng.between(3, 9);
    ASSERT_GE(x, 3u);
    ASSERT_LE(x, 9u);
    saw_lo |= x == 3;
    saw_hi |= x == 9;
  }
  EXPECT_TRUE(saw_lo);
  EXPECT_TRUE(saw_hi);
  EXPECT_EQ(rng.between(5, 5), 5u);
}

TEST(SynthRandom, ChanceHonoursItsEdges) {
  SynthRandom rng(3);
  for (int i = 0; i < 100; ++i) {
    EXPECT_TRUE(rng.chance(4, 4));
    EXPECT_FALSE(rng.chance(0, 4));
  }
}

TEST(SynthRandom, RefusesAnEmptyRange) {
  SynthRandom rng(1);
  EXPECT_THROW(rng.between(2, 1), std::invalid_argument);
}

}  // namespace
}  // namespace gcsim::synth
