// What the collector reports about its work: one record per collection, the outcome of each
// allocation and reallocation, and why an allocation failed.
#pragma once

#include <cstdint>
#include <string_view>

#include "heap/block_index.h"

namespace gcsim {

enum class CollectionCause : std::uint8_t {
  threshold,  // gc_alloc found gc_alloc_amount ≥ gc_alloc_threshold before searching
  oom,        // gc_alloc's search failed and it collected before searching again
  explicit_,  // gc.collect()
};
std::string_view cause_name(CollectionCause cause);

struct CollectionRecord {
  CollectionCause cause = CollectionCause::explicit_;
  std::uint64_t amount_blocks = 0;  // gc_alloc_amount when the collection started
  std::uint32_t used_blocks_before = 0;
  std::uint32_t used_blocks_after = 0;
  std::uint32_t largest_free_before = 0;  // blocks
  std::uint32_t largest_free_after = 0;   // blocks
  std::uint32_t heads_marked = 0;         // live allocations found
  std::uint64_t blocks_marked = 0;        // blocks of those allocations, all scanned for pointers
  std::uint32_t heads_freed = 0;          // allocations swept
  std::uint32_t blocks_freed = 0;
  std::uint32_t blocks_swept = 0;  // the sweep visits every block of the pool
};

struct AllocOutcome {
  BlockIndex head = kNoBlock;  // kNoBlock: 0 bytes requested, or MemoryError
  std::uint64_t n_blocks = 0;  // ceil(n_bytes / B)
  // The collection gc_alloc made (at most one): the Collector's record of its latest
  // collection, valid until the next one. A pointer, so that the outcome stays small.
  const CollectionRecord* collection = nullptr;
  bool failed() const { return head == kNoBlock && n_blocks > 0; }
};

enum class ReallocKind : std::uint8_t {
  same_blocks,     // the block count did not change: nothing happens
  shrunk,          // tail blocks freed in place
  grown_in_place,  // the free blocks after it taken
  moved,           // gc_alloc of the new size, then the old allocation freed
  from_null,       // realloc of nothing: a plain gc_alloc without finaliser
  freed,           // realloc to 0 bytes: gc_free
  failed,          // could not move: the old allocation stays
};
std::string_view realloc_kind_name(ReallocKind kind);

struct ReallocOutcome {
  ReallocKind kind = ReallocKind::same_blocks;
  BlockIndex head = kNoBlock;  // where the allocation is afterwards (kNoBlock if freed or none)
  std::uint64_t old_blocks = 0;
  std::uint64_t new_blocks = 0;
  const CollectionRecord* collection = nullptr;  // as AllocOutcome's
};

// Why an allocation of n blocks failed, judged right after the collector gave up.
enum class FailureClass : std::uint8_t {
  capacity,       // fewer free bytes than requested, even after collecting
  fragmentation,  // enough free bytes, but no run of free blocks long enough
  disabled,       // gc.disable() prevented the collection that would have made it fit
};
std::string_view failure_class_name(FailureClass c);

}  // namespace gcsim
