// FreeRunIndex: do the run tags, run lengths, per-length word scan and long-run walk answer
// first fit, largest free run, number of free runs and free count exactly as a plain scan of a
// bit vector would, whatever the sequence of set_used / set_free and whatever N (powers of two
// or not)?
#include "heap/free_run_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace gcsim {
namespace {

// The slow reference: one bool per block, every query a full scan.
struct NaiveRuns {
  std::vector<bool> free;
  explicit NaiveRuns(std::uint32_t n) : free(n, true) {}
  void set(std::uint32_t first, std::uint32_t n, bool is_free) {
    for (std::uint32_t b = first; b < first + n; ++b) free[b] = is_free;
  }
  std::uint32_t free_blocks() const {
    return static_cast<std::uint32_t>(std::count(free.begin(), free.end(), true));
  }
  std::uint32_t largest_run() const {
    std::uint32_t best = 0, run = 0;
    for (bool f : free) {
      run = f ? run + 1 : 0;
      best = std::max(best, run);
    }
    return best;
  }
  std::uint32_t run_count() const {
    std::uint32_t runs = 0;
    for (std::size_t b = 0; b < free.size(); ++b) {
      if (free[b] && (b == 0 || !free[b - 1])) ++runs;
    }
    return runs;
  }
  BlockIndex first_fit(std::uint32_t n) const {
    if (n == 0) return kNoBlock;
    std::uint32_t run = 0;
    for (std::uint32_t b = 0; b < free.size(); ++b) {
      run = free[b] ? run + 1 : 0;
      if (run >= n) return BlockIndex(b + 1 - n);
    }
    return kNoBlock;
  }
};

// Builds an index from a drawing: '.' free, anything else used.
FreeRunIndex from_drawing(const std::string& drawing) {
  FreeRunIndex index(static_cast<std::uint32_t>(drawing.size()));
  for (std::uint32_t b = 0; b < drawing.size(); ++b) {
    if (drawing[b] != '.') index.set_used(BlockIndex(b), 1);
  }
  return index;
}

TEST(FreeRunIndex, EmptyIndexIsOneRunOfAllBlocks) {
  const FreeRunIndex index(97);
  EXPECT_EQ(index.free_blocks(), 97u);
  EXPECT_EQ(index.largest_run(), 97u);
  EXPECT_EQ(index.run_count(), 1u);
  EXPECT_EQ(index.first_fit(1), BlockIndex(0));
  EXPECT_EQ(index.first_fit(97), BlockIndex(0));
  EXPECT_EQ(index.first_fit(98), kNoBlock);  // padding up to 128 leaves counts as used
  EXPECT_EQ(index.first_fit(0), kNoBlock);   // gc_alloc(0) never searches
}

TEST(FreeRunIndex, ZeroBlocksHasNothingFree) {
  const FreeRunIndex index(0);
  EXPECT_EQ(index.free_blocks(), 0u);
  EXPECT_EQ(index.largest_run(), 0u);
  EXPECT_EQ(index.run_count(), 0u);
  EXPECT_EQ(index.first_fit(1), kNoBlock);
}

TEST(FreeRunIndex, SingleBlock) {
  FreeRunIndex index(1);
  EXPECT_EQ(index.first_fit(1), BlockIndex(0));
  index.set_used(BlockIndex(0), 1);
  EXPECT_EQ(index.first_fit(1), kNoBlock);
  EXPECT_EQ(index.run_count(), 0u);
  index.set_free(BlockIndex(0), 1);
  EXPECT_EQ(index.first_fit(1), BlockIndex(0));
  EXPECT_EQ(index.run_count(), 1u);
}

TEST(FreeRunIndex, HeaderExampleSpan) {
  // The header's example "..hh=...": pref 2, suf 3, best 3, runs 2, free 5.
  const FreeRunIndex index = from_drawing("..hh=...");
  EXPECT_EQ(index.free_blocks(), 5u);
  EXPECT_EQ(index.largest_run(), 3u);
  EXPECT_EQ(index.run_count(), 2u);
  EXPECT_EQ(index.first_fit(1), BlockIndex(0));
  EXPECT_EQ(index.first_fit(2), BlockIndex(0));
  EXPECT_EQ(index.first_fit(3), BlockIndex(5));
  EXPECT_EQ(index.first_fit(4), kNoBlock);
}

TEST(FreeRunIndex, FirstFitTakesTheLowestRunLongEnoughNotTheBestFit) {
  //                                    0         1         2
  //                                    0123456789012345678901234
  const FreeRunIndex index = from_drawing("h.hh...hh..h.........hh..");
  // runs: 1 @1, 3 @4..6, 2 @9..10, 9 @12..20, 2 @23..24
  EXPECT_EQ(index.run_count(), 5u);
  EXPECT_EQ(index.free_blocks(), 1u + 3 + 2 + 9 + 2);
  EXPECT_EQ(index.largest_run(), 9u);
  EXPECT_EQ(index.first_fit(1), BlockIndex(1));
  EXPECT_EQ(index.first_fit(2), BlockIndex(4));  // not the exact fit at 9
  EXPECT_EQ(index.first_fit(3), BlockIndex(4));
  EXPECT_EQ(index.first_fit(4), BlockIndex(12));
  EXPECT_EQ(index.first_fit(9), BlockIndex(12));
  EXPECT_EQ(index.first_fit(10), kNoBlock);
}

TEST(FreeRunIndex, RunsJoinAcrossPowerOfTwoBoundaries) {
  // N = 16; a run over the middle (blocks 6..9) crosses the root's halves.
  FreeRunIndex index(16);
  index.set_used(BlockIndex(0), 16);
  index.set_free(BlockIndex(6), 4);
  EXPECT_EQ(index.first_fit(4), BlockIndex(6));
  EXPECT_EQ(index.largest_run(), 4u);
  EXPECT_EQ(index.run_count(), 1u);
  // Freeing 10..13 joins it to one run 6..13.
  index.set_free(BlockIndex(10), 4);
  EXPECT_EQ(index.run_count(), 1u);
  EXPECT_EQ(index.largest_run(), 8u);
  EXPECT_EQ(index.first_fit(8), BlockIndex(6));
  // Using 8 splits it in two: 6..7 and 9..13.
  index.set_used(BlockIndex(8), 1);
  EXPECT_EQ(index.run_count(), 2u);
  EXPECT_EQ(index.largest_run(), 5u);
  EXPECT_EQ(index.first_fit(3), BlockIndex(9));
  EXPECT_EQ(index.first_fit(2), BlockIndex(6));
  EXPECT_EQ(index.free_blocks(), 7u);
}

TEST(FreeRunIndex, RunsNeverReachIntoThePadding) {
  // N = 3 pads to 4 leaves; the run at the end stops at block 2.
  FreeRunIndex index(3);
  index.set_used(BlockIndex(0), 1);
  EXPECT_EQ(index.largest_run(), 2u);
  EXPECT_EQ(index.first_fit(2), BlockIndex(1));
  EXPECT_EQ(index.first_fit(3), kNoBlock);
  EXPECT_EQ(index.free_blocks(), 2u);
}

void expect_same(const FreeRunIndex& index, const NaiveRuns& naive, const std::string& where) {
  ASSERT_EQ(index.free_blocks(), naive.free_blocks()) << where;
  ASSERT_EQ(index.largest_run(), naive.largest_run()) << where;
  ASSERT_EQ(index.run_count(), naive.run_count()) << where;
  const auto n = static_cast<std::uint32_t>(naive.free.size());
  for (std::uint32_t want : {1u, 2u, 3u, 5u, 8u, 13u, 64u, 65u, 200u, n / 2 + 1, n, n + 1}) {
    ASSERT_EQ(index.first_fit(want), naive.first_fit(want))
        << where << " first_fit(" << want << ")";
  }
}

TEST(FreeRunIndex, RandomisedAgainstNaiveBitVector) {
  std::mt19937 rng(20240611);
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 64u, 97u, 1000u, 4048u}) {
    FreeRunIndex index(n);
    NaiveRuns naive(n);
    const int ops = n >= 1000 ? 800 : 3000;
    for (int op = 0; op < ops; ++op) {
      const std::uint32_t first = std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng);
      // Mostly short ranges (allocations), sometimes long ones (sweeps, big frees); a range is
      // flipped whole, as the block table does (it never frees a free block).
      const std::uint32_t max_len = (rng() % 8 == 0) ? n - first : std::min(n - first, 12u);
      const std::uint32_t want = std::uniform_int_distribution<std::uint32_t>(1, max_len)(rng);
      const bool is_free = !naive.free[first];
      std::uint32_t len = 1;
      while (len < want && naive.free[first + len] == naive.free[first]) ++len;
      if (is_free) {
        index.set_free(BlockIndex(first), len);
      } else {
        index.set_used(BlockIndex(first), len);
      }
      naive.set(first, len, is_free);
      expect_same(index, naive, "n=" + std::to_string(n) + " op=" + std::to_string(op));
      if (HasFatalFailure()) return;
    }
  }
}

// As an allocator uses it: first fit of one request's length, that range taken, or a random
// earlier allocation freed. Between full checks (every 7th step) only the requested length is
// asked, so the marks of other lengths lag behind the floor that one-block requests raise and
// frees below it lower: states a check of every length after every step never reaches. (It
// fails if the floor falls without the marks taking its value first.)
TEST(FreeRunIndex, AllocatorShapedAgainstNaiveBitVector) {
  std::mt19937 rng(20261206);
  for (std::uint32_t n : {97u, 1000u, 16192u}) {
    FreeRunIndex index(n);
    NaiveRuns naive(n);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;  // first block, length
    for (int op = 0; op < 20'000; ++op) {
      const std::string where = "n=" + std::to_string(n) + " op=" + std::to_string(op);
      if (taken.empty() || rng() % 8 < 5) {
        const std::uint32_t kind = rng() % 16;
        const std::uint32_t len = kind < 10 ? 1 : kind < 15 ? 2 + rng() % 7 : 9 + rng() % 72;
        const BlockIndex fit = index.first_fit(len);
        ASSERT_EQ(fit, naive.first_fit(len)) << where << " first_fit(" << len << ")";
        if (fit == kNoBlock) continue;
        index.set_used(fit, len);
        naive.set(fit.value, len, false);
        taken.emplace_back(fit.value, len);
      } else {
        const std::size_t k = rng() % taken.size();
        const auto [first, len] = taken[k];
        taken[k] = taken.back();
        taken.pop_back();
        index.set_free(BlockIndex(first), len);
        naive.set(first, len, true);
      }
      if (op % 7 == 0) expect_same(index, naive, where);
      if (HasFatalFailure()) return;
    }
  }
}

}  // namespace
}  // namespace gcsim
