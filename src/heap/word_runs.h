// Runs of set bits inside one 64-bit word, for the free-run index (a set bit is a FREE block,
// bit 0 the lowest address).
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

namespace gcsim::word_runs {

constexpr std::uint32_t kWordBlocks = 64;

// Bit p is set when bits p .. p + n - 1 of x all are (1 ≤ n ≤ 64; nothing past bit 63 counts).
// Doubling: after each step y marks where runs of `covered` ones start. Always six steps (the
// last ones shift by 0 once n is covered): a loop whose length follows n mispredicts its exit.
inline std::uint64_t run_starts(std::uint64_t x, std::uint32_t n) {
  std::uint64_t y = x;
  std::uint32_t covered = 1;
  for (int i = 0; i < 6; ++i) {
    const std::uint32_t step = covered < n ? std::min(covered, n - covered) : 0;
    y &= y >> step;
    covered += step;
  }
  return y;
}

// Bits [lo, hi) of a word, 0 ≤ lo < hi ≤ 64.
inline std::uint64_t bit_range(std::uint32_t lo, std::uint32_t hi) {
  const std::uint64_t upto_hi =
      hi == kWordBlocks ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
  return upto_hi & ~((std::uint64_t{1} << lo) - 1);
}

}  // namespace gcsim::word_runs
