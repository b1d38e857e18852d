// BlockTable: the allocation table (ATB) of one heap area — 2 bits per block, as py/gc.c keeps
// it (spec/collector.md §2) — plus running summaries so that heap statistics never need a scan.
//
//   ATB byte j holds blocks 4j..4j+3, block 4j in the low two bits:
//     0 FREE   1 HEAD (first block of an allocation)   2 TAIL (continuation)   3 MARK (a HEAD
//     reached by the current collection; exists only between mark and sweep)
//   An allocation is a HEAD and the TAILs after it; its length is stored nowhere else.
//
// Summaries kept up to date on every change (check() recounts them from the ATB):
//   - FreeRunIndex: free blocks, largest free run, number of free runs, first fit;
//   - chain lengths: how many allocations have each length (gc_info's 1-block, 2-block counts
//     and max block size).
// Marking leaves the summaries alone (a MARK is still an allocation); the sweep updates them
// once per freed allocation, so it costs O(N/4) ATB bytes plus O(log N) per object freed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "heap/free_run_index.h"

namespace gcsim {

enum class BlockKind : std::uint8_t { free = 0, head = 1, tail = 2, mark = 3 };

class BlockTable {
 public:
  explicit BlockTable(std::uint32_t n_blocks);

  std::uint32_t size() const { return n_blocks_; }
  BlockKind kind(std::uint32_t b) const {
    return static_cast<BlockKind>((atb_[b >> 2] >> ((b & 3u) * 2)) & 3u);
  }

  // HEAD (or MARK) at `head` plus the TAILs that follow it, bounded by the pool's end.
  std::uint32_t chain_length(std::uint32_t head) const;
  // FREE blocks from `first` on, counting at most `limit` (and never past the pool's end).
  std::uint32_t free_run_from(std::uint32_t first, std::uint32_t limit) const;
  std::optional<std::uint32_t> first_fit(std::uint32_t n_blocks) const {
    return runs_.first_fit(n_blocks);
  }

  // Make [head, head + n_blocks) one allocation; every block must be FREE.
  void allocate(std::uint32_t head, std::uint32_t n_blocks);
  // Free the allocation at `head` (a HEAD); returns its length in blocks.
  std::uint32_t release(std::uint32_t head);
  // Change the allocation at `head` from old_blocks to new_blocks in place. Shrinking frees the
  // cut-off tail; growing takes the FREE blocks that follow (the caller checked they are free).
  void resize(std::uint32_t head, std::uint32_t old_blocks, std::uint32_t new_blocks);

  // Mark phase: HEAD → MARK. Returns false if the block is not an unmarked HEAD.
  bool mark(std::uint32_t head);
  // Sweep (gc_sweep): every unmarked HEAD and its TAILs become FREE, every MARK becomes HEAD.
  // Calls on_freed(head, n_blocks) for each freed allocation in address order.
  template <class OnFreed>
  void sweep(OnFreed&& on_freed);

  std::uint32_t free_blocks() const { return runs_.free_blocks(); }
  std::uint32_t used_blocks() const { return n_blocks_ - runs_.free_blocks(); }
  std::uint32_t largest_free_run() const { return runs_.largest_run(); }
  std::uint32_t free_run_count() const { return runs_.run_count(); }
  std::uint32_t allocations_of_length(std::uint32_t n_blocks) const;
  std::uint32_t longest_allocation() const;
  std::uint32_t allocation_count() const { return n_allocations_; }

  // Recount everything from the ATB and compare with the summaries; also checks that no TAIL
  // follows a FREE block (or starts the pool) and, unless marks are allowed, that no MARK is
  // left. Returns the first problem found, or an empty string.
  std::string check(bool marks_allowed = false) const;

 private:
  void set_kind(std::uint32_t b, BlockKind k) {
    const unsigned shift = (b & 3u) * 2;
    atb_[b >> 2] = static_cast<std::uint8_t>((atb_[b >> 2] & ~(3u << shift)) |
                                             (static_cast<unsigned>(k) << shift));
  }
  void count_chain(std::uint32_t n_blocks, int delta);

  std::uint32_t n_blocks_;
  std::vector<std::uint8_t> atb_;
  FreeRunIndex runs_;
  std::map<std::uint32_t, std::uint32_t> chains_by_length_;  // length → how many allocations
  std::uint32_t n_allocations_ = 0;
};

template <class OnFreed>
void BlockTable::sweep(OnFreed&& on_freed) {
  bool free_tail = false;
  std::uint32_t freed_head = 0, freed_len = 0;
  auto finish_freed = [&] {
    if (freed_len == 0) return;
    runs_.set_free(freed_head, freed_len);
    count_chain(freed_len, -1);
    on_freed(freed_head, freed_len);
    freed_len = 0;
  };
  for (std::uint32_t b = 0; b < n_blocks_; ++b) {
    if ((b & 3u) == 0 && atb_[b >> 2] == 0) {  // four FREE blocks: nothing to do
      b += 3;
      continue;
    }
    switch (kind(b)) {
      case BlockKind::head:
        finish_freed();
        freed_head = b;
        freed_len = 1;
        free_tail = true;
        set_kind(b, BlockKind::free);
        break;
      case BlockKind::tail:
        if (free_tail) {
          ++freed_len;
          set_kind(b, BlockKind::free);
        }
        break;
      case BlockKind::mark:
        free_tail = false;
        set_kind(b, BlockKind::head);
        break;
      case BlockKind::free:
        break;
    }
  }
  finish_freed();
}

}  // namespace gcsim
