// FreeRunIndex: which blocks are free, as a bit per block, summarised so that first fit, the
// largest free run, the number of free runs and the free count are answered without a scan.
//
//   free bits   bit b of word b/64 is set when block b is FREE (padding past N stays clear,
//               so runs never reach past the pool)
//   counters    free blocks and free runs; a change flips a range that was all used (or
//               all free), so the counts move by its length and by what its two neighbours
//               are (freeing between two free runs joins them: one run fewer)
//   word tree   a segment tree over the 64-block words. Each node covers a power-of-two span
//               of words and keeps
//                 pref  free blocks at the span's start   suf  free blocks at its end
//                 best  longest free run inside the span
//               e.g. span "..hh=...": pref 2, suf 3, best 3. A leaf's fields come from its
//               word with bit operations (trailing ones, leading ones, longest run of ones).
//
// Changing k consecutive blocks rewrites ⌈k/64⌉ words, their leaves and their ancestors; the
// walk up stops at the first ancestor that comes out unchanged. First fit walks down from the
// root in O(log(N/64)) and finishes inside one word. A sweep frees many ranges at once
// (set_free_bulk) and brings the tree up to date once at the end (finish_bulk): path by path
// from each touched word when few words were touched (a small gc.threshold collects every few
// allocations), level by level over the whole touched span when many were.
#pragma once

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace gcsim {

class FreeRunIndex {
 public:
  // All n_blocks free.
  explicit FreeRunIndex(std::uint32_t n_blocks = 0);

  // Each flips a range whose blocks are all in the other state now (what allocating, freeing,
  // shrinking and growing do).
  void set_free(std::uint32_t first, std::uint32_t n_blocks) { assign(first, n_blocks, true); }
  void set_used(std::uint32_t first, std::uint32_t n_blocks) { assign(first, n_blocks, false); }
  // For a sweep: frees blocks that are all used now, leaving the tree stale until finish_bulk().
  // Counters and bits stay exact; first_fit and largest_run must wait for finish_bulk().
  void set_free_bulk(std::uint32_t first, std::uint32_t n_blocks);
  void finish_bulk();

  bool is_free(std::uint32_t b) const { return (words_[b >> 6] >> (b & 63u)) & 1u; }
  // FREE blocks from `first` on, counting at most `limit` (and never past the pool's end).
  std::uint32_t free_run_from(std::uint32_t first, std::uint32_t limit) const;
  // The free bits, 64 blocks a word (for scans that skip used stretches a word at a time).
  const std::vector<std::uint64_t>& words() const { return words_; }

  // The lowest block b such that [b, b + n_blocks) are all free: py/gc.c's first fit.
  std::optional<std::uint32_t> first_fit(std::uint32_t n_blocks) const;

  std::uint32_t free_blocks() const { return free_blocks_; }
  std::uint32_t largest_run() const { return nodes_[1].best; }
  std::uint32_t run_count() const { return run_count_; }

 private:
  struct Node {
    std::uint32_t pref = 0, suf = 0, best = 0;
    bool operator==(const Node&) const = default;
  };

  static Node leaf_of(std::uint64_t word);
  static Node combine(const Node& l, const Node& r, std::uint32_t half_blocks);
  void assign(std::uint32_t first, std::uint32_t n_blocks, bool to_free);
  // Writes the bits of [first, first + n_blocks) and keeps the counters exact.
  void write_bits(std::uint32_t first, std::uint32_t n_blocks, bool to_free);
  void update_leaves(std::uint32_t lo_word, std::uint32_t hi_word);
  void update_path(std::uint32_t word);  // update_leaves of one word

  std::uint32_t n_blocks_;
  std::vector<std::uint64_t> words_;
  std::uint32_t free_blocks_ = 0;
  std::uint32_t run_count_ = 0;
  std::uint32_t leaves_;  // a power of two ≥ the word count; leaf w is node leaves_ + w
  std::vector<Node> nodes_;
  // Words freed since the last finish_bulk, as spans in address order (adjacent ones joined).
  struct WordSpan {
    std::uint32_t lo, hi;
  };
  std::vector<WordSpan> bulk_;
  std::uint32_t depth_ = 0;  // tree levels above the leaves
};

}  // namespace gcsim
