// BlockTable: the allocation table (ATB) of one heap area — py/gc.c's 2 bits per block
// (docs/collector.md §2) — plus running summaries so that heap statistics never need a scan.
//
//   gc.c's ATB:  0 FREE   1 HEAD (first block of an allocation)   2 TAIL (continuation)
//                3 MARK (a HEAD reached by the current collection; only between mark and sweep)
//   An allocation is a HEAD and the TAILs after it; its length is stored nowhere else.
//
// The same four states are held here as bit planes, 64 blocks a word, so that runs of blocks
// are read and written a word at a time:
//   free  set for FREE (kept by the FreeRunIndex)     head  set for HEAD and MARK
//   mark  set for MARK                                 TAIL  neither free nor head
// e.g. blocks "h==.m=": free 000100, head 100010, mark 000010.
//
// Summaries kept up to date on every change (check() recounts them from the states):
//   - FreeRunIndex: free blocks, largest free run, number of free runs, first fit;
//   - ChainLengths: how many allocations have each length (gc_info's 1-block, 2-block counts
//     and max block size).
// Marking leaves the summaries alone (a MARK is still an allocation); the sweep updates them
// once per freed allocation. A bound on the highest word holding an allocation keeps the
// collection's word loops off the free top of the pool, so with a small gc.threshold (a
// collection every few allocations) a collection costs what the used part holds, not the pool.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "heap/bit_plane.h"
#include "heap/block_index.h"
#include "heap/chain_lengths.h"
#include "heap/free_run_index.h"

namespace gcsim {

enum class BlockKind : std::uint8_t { free = 0, head = 1, tail = 2, mark = 3 };

class BlockTable {
 public:
  explicit BlockTable(std::uint32_t n_blocks);

  std::uint32_t size() const { return n_blocks_; }
  BlockKind kind(BlockIndex b) const { return kind_of(b.value); }

  // HEAD (or MARK) at `head` plus the TAILs that follow it, bounded by the pool's end.
  std::uint32_t chain_length(BlockIndex head) const { return length_from(head.value); }
  // FREE blocks from `first` on, counting at most `limit` (and never past the pool's end).
  std::uint32_t free_run_from(BlockIndex first, std::uint32_t limit) const {
    return runs_.free_run_from(first, limit);
  }
  // The first run of n_blocks FREE blocks, or kNoBlock.
  BlockIndex first_fit(std::uint32_t n_blocks) const { return runs_.first_fit(n_blocks); }

  // Make [head, head + n_blocks) one allocation; every block must be FREE.
  void allocate(BlockIndex head, std::uint32_t n_blocks);
  // Free the allocation at `head` (a HEAD); returns its length in blocks.
  std::uint32_t release(BlockIndex head);
  // Change the allocation at `head` from old_blocks to new_blocks in place. Shrinking frees the
  // cut-off tail; growing takes the FREE blocks that follow (the caller checked they are free).
  void resize(BlockIndex head, std::uint32_t old_blocks, std::uint32_t new_blocks);

  // Mark phase: HEAD → MARK. Returns false if the block is not an unmarked HEAD.
  bool mark(BlockIndex head);
  // HEAD → MARK for every block set in `heads` (other blocks in it are ignored).
  void mark_plane(const BitPlane& heads);
  // Calls f(BlockIndex head) for every MARK whose bit is set in `filter`, in address order.
  template <class F>
  void for_each_marked_in(const BitPlane& filter, F&& f) const;
  // Sweep (gc_sweep): every unmarked HEAD and its TAILs become FREE, every MARK becomes HEAD.
  // Calls on_freed(BlockIndex head, n_blocks) for each freed allocation in address order.
  template <class OnFreed>
  void sweep(OnFreed&& on_freed);

  std::uint32_t free_blocks() const { return runs_.free_blocks(); }
  std::uint32_t used_blocks() const { return n_blocks_ - runs_.free_blocks(); }
  std::uint32_t largest_free_run() const { return runs_.largest_run(); }
  std::uint32_t free_run_count() const { return runs_.run_count(); }
  std::uint32_t allocations_of_length(std::uint32_t n_blocks) const {
    return chains_.of_length(n_blocks);
  }
  std::uint32_t longest_allocation() const { return chains_.longest(); }
  std::uint32_t allocation_count() const { return chains_.total(); }

  // Recount everything from the block states and compare with the summaries; also checks
  // that no TAIL follows a FREE block (or starts the pool) and, unless marks are allowed, that
  // no MARK is left. Returns the first problem found, or an empty string.
  std::string check(bool marks_allowed = false) const;

 private:
  // Inside, blocks are plain numbers: the word loops do arithmetic on them at every step.
  BlockKind kind_of(std::uint32_t b) const {
    if (runs_.is_free(BlockIndex(b))) return BlockKind::free;
    if (!head_.test(b)) return BlockKind::tail;
    return mark_.test(b) ? BlockKind::mark : BlockKind::head;
  }
  std::uint32_t length_from(std::uint32_t head) const { return next_boundary(head + 1) - head; }
  // The first block ≥ from that is FREE or a HEAD (where a chain ends), or the pool's end.
  std::uint32_t next_boundary(std::uint32_t from) const;
  void grow_used_words(std::uint32_t end_block) {
    used_words_ = std::max(used_words_, (end_block + 63) / 64);
  }
  // Lowers the bound to the highest word that still holds a non-FREE block.
  void shrink_used_words();

  std::uint32_t n_blocks_;
  FreeRunIndex runs_;
  BitPlane head_;
  BitPlane mark_;
  ChainLengths chains_;
  std::uint32_t used_words_ = 0;  // every block in a word at or past this one is FREE
};

template <class F>
void BlockTable::for_each_marked_in(const BitPlane& filter, F&& f) const {
  const std::size_t n = std::min<std::size_t>(used_words_, filter.word_count());
  for (std::size_t w = 0; w < n; ++w) {
    for (std::uint64_t x = mark_.word(w) & filter.word(w); x != 0; x &= x - 1) {
      f(BlockIndex(static_cast<std::uint32_t>(w * 64 + std::countr_zero(x))));
    }
  }
}

template <class OnFreed>
void BlockTable::sweep(OnFreed&& on_freed) {
  // Words in address order; within a word, unmarked heads lowest first. A freed chain ends at
  // the next FREE block or HEAD (marked or not), found before anything after it changes.
  for (std::size_t w = 0; w < used_words_; ++w) {
    std::uint64_t unmarked = head_.word(w) & ~mark_.word(w);
    mark_.word(w) = 0;  // MARK → HEAD
    while (unmarked != 0) {
      const auto head = static_cast<std::uint32_t>(w * 64 + std::countr_zero(unmarked));
      unmarked &= unmarked - 1;
      const std::uint32_t n_blocks = length_from(head);
      head_.clear(head);
      runs_.set_free(BlockIndex(head), n_blocks);
      chains_.remove(n_blocks);
      on_freed(BlockIndex(head), n_blocks);
    }
  }
  shrink_used_words();
}

}  // namespace gcsim
