// FreeRunIndex: which blocks are free, as a bit per block, summarised so that first fit, the
// largest free run, the number of free runs and the free count are answered without a scan of
// the pool.
//
//   free bits    bit b of word b/64 is set when block b is FREE (padding past N stays clear,
//                so runs never reach past the pool)
//   run tags     each free run's length, written at its first and its last block (what lies
//                between is stale): freeing a range finds the runs it joins, allocating finds
//                the run it splits, without walking them
//   run lengths  how many runs of each length (RunLengths): largest run and run count
//   lowest fit   for each request of n ≤ 64 blocks, a block below which no run of n starts:
//                where py/gc.c's gc_last_free_atb_index is for every request, but per length,
//                over a floor below which no block is free
//   long runs    a bit at the first block of each run longer than a word
//
// First fit of n ≤ 64 blocks scans the free bits a word at a time up from lowest_fit_[n]; the
// scan passes only words it has not passed since a free made a run of n below them. First fit
// of more than 64 blocks walks the long runs in address order: few, in a heap of small objects.
// A change costs O(1) plus the words it writes, whatever the pool size.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "heap/bit_plane.h"
#include "heap/block_index.h"
#include "heap/run_lengths.h"

namespace gcsim {

class FreeRunIndex {
 public:
  // All n_blocks free.
  explicit FreeRunIndex(std::uint32_t n_blocks = 0);

  // Each flips a range whose blocks are all in the other state now (what allocating, freeing,
  // shrinking, growing and sweeping do).
  void set_free(BlockIndex first, std::uint32_t n_blocks);
  void set_used(BlockIndex first, std::uint32_t n_blocks);

  bool is_free(BlockIndex b) const { return free_bit(b.value); }
  // FREE blocks from `first` on, counting at most `limit` (and never past the pool's end).
  std::uint32_t free_run_from(BlockIndex first, std::uint32_t limit) const;
  // The free bits, 64 blocks a word (for scans that skip used stretches a word at a time).
  const std::vector<std::uint64_t>& words() const { return words_; }

  // The lowest block b such that [b, b + n_blocks) are all free (py/gc.c's first fit), or
  // kNoBlock. Const to callers: it may raise lowest_fit_[n_blocks] to what it found, which
  // changes no answer.
  BlockIndex first_fit(std::uint32_t n_blocks) const;

  std::uint32_t free_blocks() const { return free_blocks_; }
  std::uint32_t largest_run() const { return lengths_.largest(); }
  std::uint32_t run_count() const { return lengths_.count(); }

 private:
  // Inside, blocks are plain numbers: the index does arithmetic on them at every step.
  bool free_bit(std::uint32_t b) const { return (words_[b >> 6] >> (b & 63u)) & 1u; }
  void add_run(std::uint32_t first, std::uint32_t n_blocks);
  void remove_run(std::uint32_t first, std::uint32_t n_blocks);
  void unmark_long(std::uint32_t first, std::uint32_t n_blocks);
  std::uint32_t first_long_fit(std::uint32_t n_blocks) const;
  void raise_lowest_fit(std::uint32_t n_blocks, std::uint32_t b) const;
  void lower_lowest_fit(std::uint32_t first, std::uint32_t n_blocks);
  // The first block of the free run that holds free block b.
  std::uint32_t run_start(std::uint32_t b) const;
  void write_bits(std::uint32_t first, std::uint32_t n_blocks, bool to_free);

  std::uint32_t n_blocks_;
  std::vector<std::uint64_t> words_;
  std::vector<std::uint32_t> run_tag_;  // a free run's length, at its first and last block
  RunLengths lengths_;
  std::uint32_t free_blocks_ = 0;
  // lowest_fit_[n]: no run of n free blocks starts below this block (n = 1..64; rises as first
  // fits find nothing lower, falls as frees make runs). Never decreasing in n. Raised
  // kRaiseStep lengths at a time: the entries past 64 are room for that, and never read.
  static constexpr std::uint32_t kRaiseStep = 8;
  mutable std::array<std::uint32_t, 65 + kRaiseStep> lowest_fit_{};
  // No block below this one is free: a floor under every mark, so that first fit of one block
  // (most requests) raises one number instead of 64 marks. A mark's value is the larger of the
  // two.
  mutable std::uint32_t no_free_below_ = 0;
  BitPlane long_starts_;  // first blocks of runs longer than a word
  BitPlane long_words_;   // words of long_starts_ that have a bit set
};

}  // namespace gcsim
