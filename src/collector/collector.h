// Collector: one MicroPython heap and its garbage collector, block for block as py/gc.c
// (docs/collector.md §3–§6): first-fit gc_alloc with the threshold check before the search and
// at most one collection per call, gc_free, gc_realloc (shrink, grow in place, move), and
// gc_collect over the roots and references the Mutator supplies.
//
// It knows blocks, not objects: callers pass head blocks and get head blocks back. Failures
// are results (an empty head), not exceptions; exceptions mean a caller broke the contract
// (freeing a block that is not a HEAD).
//
// Bookkeeping::indexed answers first fit and the free-space figures from the BlockTable's
// summaries; Bookkeeping::reference does what gc.c does — the block-by-block search from
// gc_last_free_atb_index (gc_scan.h) and gc_info's full scan — for tests to compare against.
#pragma once

#include <cstdint>
#include <vector>

#include "collector/collection.h"
#include "collector/gc_scan.h"
#include "collector/mutator.h"
#include "collector/trigger.h"
#include "heap/block_table.h"
#include "heap/geometry.h"

namespace gcsim {

enum class Bookkeeping : std::uint8_t { indexed, reference };

// Free space in blocks, as gc_info() reports it.
struct FreeSpace {
  std::uint32_t free_blocks = 0;
  std::uint32_t largest_run = 0;
  std::uint32_t runs = 0;
};

class Collector {
 public:
  Collector(const Layout& layout, Mutator& mutator, Bookkeeping bookkeeping = Bookkeeping::indexed);

  // gc_alloc(n_bytes, has_finaliser ? GC_ALLOC_FLAG_HAS_FINALISER : 0).
  AllocOutcome alloc(std::uint64_t n_bytes, bool has_finaliser);
  // gc_free(ptr) of the allocation at head.
  void free(BlockIndex head);
  // gc_realloc(ptr, n_bytes, allow_move); kNoBlock stands for ptr == NULL.
  ReallocOutcome realloc(BlockIndex head, std::uint64_t n_bytes, bool allow_move);
  // The port's gc_collect(): start (amount reset), mark from the roots, sweep. Returns the
  // record of it, kept until the next collection.
  const CollectionRecord& collect(CollectionCause cause);

  // Why an allocation of n_blocks that just failed could not be served.
  FailureClass classify_failure(std::uint64_t n_blocks) const;

  std::uint64_t blocks_for(std::uint64_t n_bytes) const {
    const std::uint64_t b = layout_.params.block_bytes;
    return n_bytes / b + (n_bytes % b != 0 ? 1 : 0);
  }
  bool has_finaliser(BlockIndex head) const { return ftb_[head.value]; }
  FreeSpace free_space() const;

  const Layout& layout() const { return layout_; }
  const BlockTable& table() const { return table_; }
  Trigger& trigger() { return trigger_; }
  const Trigger& trigger() const { return trigger_; }
  std::uint64_t collections() const { return collections_; }

 private:
  // gc_alloc's search: the first run of n_blocks FREE blocks in the heap (kNoBlock if none), by
  // the bookkeeping's method; Bookkeeping::reference moves gc_last_free_atb_index as gc.c does.
  BlockIndex search(std::uint64_t n_blocks);
  // Whether `table` (a copy of the heap, collected to classify a failure) has a run of n_blocks
  // FREE blocks. A question only: it moves no search index.
  bool has_run(const BlockTable& table, std::uint64_t n_blocks) const;

  Layout layout_;
  Mutator& mutator_;
  Bookkeeping bookkeeping_;
  GcScan scan_;  // Bookkeeping::reference only
  BlockTable table_;
  std::vector<bool> ftb_;  // finaliser table: one bit per block, set on a HEAD
  Trigger trigger_;
  std::uint64_t collections_ = 0;
  CollectionRecord last_collection_;
  // During a moving realloc: the old allocation, which the caller still holds (gc_realloc's
  // ptr sits on the C stack), so the move's own collection must not free it (docs/collector.md §5
  // step 9).
  BlockIndex pinned_ = kNoBlock;
};

}  // namespace gcsim
