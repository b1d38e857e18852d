// RunLengths: the largest free run and the run count, as runs are added and removed — including
// the largest length going away, when the next one down may lie many words of lengths lower.
#include "heap/run_lengths.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace gcsim {
namespace {

TEST(RunLengths, EmptyHasNoRuns) {
  const RunLengths lengths(100);
  EXPECT_EQ(lengths.largest(), 0u);
  EXPECT_EQ(lengths.count(), 0u);
}

TEST(RunLengths, LargestFollowsAddsAndRemoves) {
  RunLengths lengths(1000);
  lengths.add(3);
  lengths.add(700);
  lengths.add(700);
  lengths.add(65);
  EXPECT_EQ(lengths.largest(), 700u);
  EXPECT_EQ(lengths.count(), 4u);
  lengths.remove(700);
  EXPECT_EQ(lengths.largest(), 700u);  // one run of 700 is left
  lengths.remove(700);
  EXPECT_EQ(lengths.largest(), 65u);  // ten words of lengths lower
  lengths.remove(65);
  EXPECT_EQ(lengths.largest(), 3u);
  lengths.remove(3);
  EXPECT_EQ(lengths.largest(), 0u);
  EXPECT_EQ(lengths.count(), 0u);
}

TEST(RunLengths, TheWholePoolIsOneLength) {
  RunLengths lengths(4096);
  lengths.add(4096);
  EXPECT_EQ(lengths.largest(), 4096u);
  lengths.add(1);
  lengths.remove(4096);
  EXPECT_EQ(lengths.largest(), 1u);
}

TEST(RunLengths, RemovingALengthNotCountedThrows) {
  RunLengths lengths(10);
  lengths.add(4);
  EXPECT_THROW(lengths.remove(5), std::logic_error);
  EXPECT_THROW(lengths.remove(11), std::logic_error);
  EXPECT_EQ(lengths.count(), 1u);
  EXPECT_EQ(lengths.largest(), 4u);
}

}  // namespace
}  // namespace gcsim
