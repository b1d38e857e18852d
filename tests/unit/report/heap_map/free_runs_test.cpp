// heap_map_free_runs: are free runs counted by length into power-of-two bins of blocks, with
// the blocks they hold, up to the bin of the longest run?
#include <gtest/gtest.h>

#include "report/heap_map/free_runs.h"

namespace gcsim {
namespace {

TEST(FreeRunHistogram, RunsFallIntoPowerOfTwoBins) {
  // Runs of 1, 2, 3, 4, 5 and 9 blocks; one at each end of the heap.
  const auto bins = free_run_histogram(".h..h...h....h.....h=.........");
  ASSERT_EQ(bins.size(), 5u);  // 1, 2, 3–4, 5–8, 9–16
  EXPECT_EQ(bins[0].min_blocks, 1u);
  EXPECT_EQ(bins[0].max_blocks, 1u);
  EXPECT_EQ(bins[0].runs, 1u);
  EXPECT_EQ(bins[1].min_blocks, 2u);
  EXPECT_EQ(bins[1].runs, 1u);
  EXPECT_EQ(bins[2].min_blocks, 3u);
  EXPECT_EQ(bins[2].max_blocks, 4u);
  EXPECT_EQ(bins[2].runs, 2u);
  EXPECT_EQ(bins[2].blocks, 7u);
  EXPECT_EQ(bins[3].runs, 1u);
  EXPECT_EQ(bins[3].blocks, 5u);
  EXPECT_EQ(bins[4].min_blocks, 9u);
  EXPECT_EQ(bins[4].max_blocks, 16u);
  EXPECT_EQ(bins[4].runs, 1u);
  EXPECT_EQ(bins[4].blocks, 9u);
}

TEST(FreeRunHistogram, FullHeapHasNoBins) {
  EXPECT_TRUE(free_run_histogram("h==hT").empty());
  EXPECT_TRUE(free_run_histogram("").empty());
}

TEST(FreeRunHistogram, EmptyBinsBelowTheLongestRunAreKept) {
  const auto bins = free_run_histogram(std::string(100, '.'));
  ASSERT_EQ(bins.size(), 8u);  // …, 65–128
  EXPECT_EQ(bins[7].runs, 1u);
  for (std::size_t i = 0; i < 7; ++i) EXPECT_EQ(bins[i].runs, 0u);
}

}  // namespace
}  // namespace gcsim
