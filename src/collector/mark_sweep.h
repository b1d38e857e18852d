// Mark and sweep over a BlockTable (docs/collector.md §6, gc_collect_start/_root/_end).
//
// Marking is iterative with an explicit stack, so a chain of 10^6 objects costs heap memory,
// not C++ stack. py/gc.c uses a 64-entry stack and rescans the heap on overflow; the set it
// marks is the same transitive closure of the roots whatever the overflow pattern (§6), so only
// the order differs — and no result gcsim reports depends on the order.
#pragma once

#include <cstdint>
#include <vector>

#include "collector/mutator.h"
#include "heap/block_table.h"

namespace gcsim {

struct MarkResult {
  std::uint32_t heads_marked = 0;
  std::uint64_t blocks_marked = 0;
};

// HEAD → MARK for every allocation reachable from the mutator's roots and `pinned` (a block
// the collector itself must keep, as a caller's C stack would).
MarkResult mark_reachable(BlockTable& table, const Mutator& mutator, BlockIndex pinned = kNoBlock);

// The same marking from the mutator's bit planes (both must be given): the roots are marked a
// word at a time, and only heads on the pointer plane are asked for their references, so
// objects that store no pointers cost nothing one by one. It counts nothing: every allocation
// is either marked or swept, so the sweep's counts give the marked ones.
void mark_reachable_by_plane(BlockTable& table, const Mutator& mutator,
                             BlockIndex pinned = kNoBlock);

struct SweepResult {
  std::uint32_t heads_freed = 0;
  std::uint32_t blocks_freed = 0;
};

// gc_sweep: free every unmarked allocation, unmark the rest. Calls on_freed(BlockIndex head)
// for each.
template <class OnFreed>
SweepResult sweep_unmarked(BlockTable& table, OnFreed&& on_freed) {
  SweepResult result;
  table.sweep([&](BlockIndex head, std::uint32_t n_blocks) {
    ++result.heads_freed;
    result.blocks_freed += n_blocks;
    on_freed(head);
  });
  return result;
}

}  // namespace gcsim
