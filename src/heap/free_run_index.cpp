#include "heap/free_run_index.h"

#include <algorithm>
#include <bit>

#include "heap/word_runs.h"

namespace gcsim {
namespace {

using word_runs::kWordBlocks;

std::vector<std::uint64_t> all_free_words(std::uint32_t n_blocks) {
  const std::uint32_t n_words =
      std::max<std::uint32_t>(1, (n_blocks + kWordBlocks - 1) / kWordBlocks);
  std::vector<std::uint64_t> words(n_words, 0);
  for (std::uint32_t w = 0; w * kWordBlocks < n_blocks; ++w) {
    words[w] = word_runs::bit_range(0, std::min(kWordBlocks, n_blocks - w * kWordBlocks));
  }
  return words;
}

}  // namespace

FreeRunIndex::FreeRunIndex(std::uint32_t n_blocks)
    : n_blocks_(n_blocks),
      words_(all_free_words(n_blocks)),
      run_tag_(n_blocks, 0),
      lengths_(n_blocks),
      free_blocks_(n_blocks),
      long_starts_(n_blocks),
      long_words_(static_cast<std::uint32_t>(words_.size())) {
  if (n_blocks > 0) add_run(0, n_blocks);
}

void FreeRunIndex::add_run(std::uint32_t first, std::uint32_t n_blocks) {
  run_tag_[first] = n_blocks;
  run_tag_[first + n_blocks - 1] = n_blocks;
  lengths_.add(n_blocks);
  if (n_blocks > kWordBlocks) {
    long_starts_.set(first);
    long_words_.set(first / kWordBlocks);
  }
}

void FreeRunIndex::remove_run(std::uint32_t first, std::uint32_t n_blocks) {
  unmark_long(first, n_blocks);
  lengths_.remove(n_blocks);
}

void FreeRunIndex::unmark_long(std::uint32_t first, std::uint32_t n_blocks) {
  if (n_blocks <= kWordBlocks) return;
  long_starts_.clear(first);
  if (long_starts_.word(first / kWordBlocks) == 0) long_words_.clear(first / kWordBlocks);
}

std::uint32_t FreeRunIndex::first_long_fit(std::uint32_t n_blocks) const {
  // Runs longer than a word are few: walk their first blocks in address order.
  for (std::size_t s = 0; s < long_words_.word_count(); ++s) {
    for (std::uint64_t ws = long_words_.word(s); ws != 0; ws &= ws - 1) {
      const std::size_t w = s * kWordBlocks + std::countr_zero(ws);
      for (std::uint64_t x = long_starts_.word(w); x != 0; x &= x - 1) {
        const auto b = static_cast<std::uint32_t>(w * kWordBlocks + std::countr_zero(x));
        if (run_tag_[b] >= n_blocks) return b;
      }
    }
  }
  return n_blocks_;  // not reached: the caller checked the largest run
}

std::uint32_t FreeRunIndex::run_start(std::uint32_t b) const {
  // Walk down word by word to the nearest clear bit below b.
  std::uint32_t w = b / kWordBlocks;
  // Bits above b count as free.
  std::uint64_t below = words_[w] | ~word_runs::bit_range(0, b % kWordBlocks + 1);
  while (below == ~std::uint64_t{0} && w > 0) below = words_[--w];
  if (below == ~std::uint64_t{0}) return 0;
  return w * kWordBlocks + kWordBlocks - static_cast<std::uint32_t>(std::countl_one(below));
}

void FreeRunIndex::write_bits(std::uint32_t first, std::uint32_t n_blocks, bool to_free) {
  const std::uint32_t end = first + n_blocks;
  const std::uint32_t lo = first / kWordBlocks, hi = (end - 1) / kWordBlocks;
  for (std::uint32_t w = lo; w <= hi; ++w) {
    const std::uint32_t from = std::max(first, w * kWordBlocks) - w * kWordBlocks;
    const std::uint32_t to = std::min(end, (w + 1) * kWordBlocks) - w * kWordBlocks;
    const std::uint64_t mask = word_runs::bit_range(from, to);
    words_[w] = to_free ? words_[w] | mask : words_[w] & ~mask;
  }
}

void FreeRunIndex::set_free(BlockIndex at, std::uint32_t n_blocks) {
  if (n_blocks == 0) return;
  const std::uint32_t first = at.value, end = first + n_blocks;
  const std::uint32_t left = first > 0 && free_bit(first - 1) ? run_tag_[first - 1] : 0;
  const std::uint32_t right = end < n_blocks_ && free_bit(end) ? run_tag_[end] : 0;
  write_bits(first, n_blocks, true);
  free_blocks_ += n_blocks;
  if (right > 0) remove_run(end, right);
  // The joined run before the left part goes, so that the largest is never looked for below.
  // They share a first block: its long-run bit is cleared, then set again if still long.
  if (left > 0) unmark_long(first - left, left);
  add_run(first - left, left + n_blocks + right);
  if (left > 0) lengths_.remove(left);
  lower_lowest_fit(first - left, left + n_blocks + right);
}

void FreeRunIndex::set_used(BlockIndex at, std::uint32_t n_blocks) {
  if (n_blocks == 0) return;
  const std::uint32_t first = at.value;
  // Allocations take a run from its start; anything else finds the start by walking down.
  const std::uint32_t start = first > 0 && free_bit(first - 1) ? run_start(first) : first;
  const std::uint32_t length = run_tag_[start];
  const std::uint32_t before = first - start, after = start + length - (first + n_blocks);
  write_bits(first, n_blocks, false);
  free_blocks_ -= n_blocks;
  // The pieces first, so that the largest length, if it goes, is found just below them.
  unmark_long(start, length);
  if (before > 0) add_run(start, before);
  if (after > 0) add_run(first + n_blocks, after);
  lengths_.remove(length);
}

std::uint32_t FreeRunIndex::free_run_from(BlockIndex first, std::uint32_t limit) const {
  std::uint32_t n = 0;
  for (std::uint32_t b = first.value; n < limit && b < n_blocks_;) {
    const std::uint32_t offset = b % kWordBlocks;
    // Bits past the pool are clear, so a run stops at the pool's end by itself.
    const auto ones =
        static_cast<std::uint32_t>(std::countr_one(words_[b / kWordBlocks] >> offset));
    const std::uint32_t in_word = std::min(ones, kWordBlocks - offset);
    n += in_word;
    b += in_word;
    if (in_word < kWordBlocks - offset) break;
  }
  return std::min(n, limit);
}

BlockIndex FreeRunIndex::first_fit(std::uint32_t n_blocks) const {
  if (n_blocks == 0 || largest_run() < n_blocks) return kNoBlock;
  if (n_blocks > kWordBlocks) return BlockIndex(first_long_fit(n_blocks));
  const auto n_words = static_cast<std::uint32_t>(words_.size());
  // Word by word from the lowest block a fit could start at: a run that reaches in from the
  // words below (`carry` free blocks at their top) starts before any run inside this word.
  std::uint32_t carry = 0;
  const std::uint32_t from = std::max(lowest_fit_[n_blocks], no_free_below_);
  for (std::uint32_t w = from / kWordBlocks; w < n_words; ++w) {
    const std::uint64_t x = words_[w];
    std::uint32_t fit;
    if (carry + static_cast<std::uint32_t>(std::countr_one(x)) >= n_blocks) {
      fit = w * kWordBlocks - carry;
    } else if (const std::uint64_t starts = word_runs::run_starts(x, n_blocks); starts != 0) {
      fit = w * kWordBlocks + static_cast<std::uint32_t>(std::countr_zero(starts));
    } else {
      carry = static_cast<std::uint32_t>(std::countl_one(x));  // x is not all free: n ≤ 64
      continue;
    }
    raise_lowest_fit(n_blocks, fit);
    return BlockIndex(fit);
  }
  return kNoBlock;  // not reached: largest_run() ≥ n_blocks
}

void FreeRunIndex::raise_lowest_fit(std::uint32_t n_blocks, std::uint32_t b) const {
  // A single block found at b: no block below it is free, one mark for every length.
  if (n_blocks == 1) {
    no_free_below_ = b;
    return;
  }
  // Nothing of n_blocks fits below b, so nothing longer does either. Eight lengths at a time,
  // without a branch per length (a loop ending at a varying length mispredicts its exit).
  for (std::uint32_t n = n_blocks; n <= kWordBlocks; n += kRaiseStep) {
    for (std::uint32_t k = 0; k < kRaiseStep; ++k) {
      lowest_fit_[n + k] = std::max(lowest_fit_[n + k], b);
    }
    // The marks are non-decreasing in n.
    if (std::max(lowest_fit_[n + kRaiseStep], no_free_below_) >= b) break;
  }
}

void FreeRunIndex::lower_lowest_fit(std::uint32_t first, std::uint32_t n_blocks) {
  if (first < no_free_below_) {
    // The floor falls to `first`: each mark first takes what the floor told it, or a mark a
    // raise left below the floor would sit out of order (the marks must stay non-decreasing in
    // n for the loop below to stop early).
    for (std::uint32_t& mark : lowest_fit_) mark = std::max(mark, no_free_below_);
    no_free_below_ = first;
  }
  // A free run [first, first + n_blocks) fits every request up to its length.
  for (std::uint32_t n = std::min(n_blocks, kWordBlocks); n >= 1 && lowest_fit_[n] > first; --n) {
    lowest_fit_[n] = first;
  }
}

}  // namespace gcsim
