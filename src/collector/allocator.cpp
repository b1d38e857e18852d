// gc_alloc, gc_free and gc_realloc (docs/collector.md §3–§5, py/gc.c v1.11; unchanged in
// effect through v1.28 for a single heap).
#include <stdexcept>

#include "collector/collector.h"

namespace gcsim {

BlockIndex Collector::search(std::uint64_t n_blocks) {
  if (n_blocks > table_.size()) return kNoBlock;
  if (bookkeeping_ == Bookkeeping::reference) return scan_.first_fit(table_, n_blocks);
  // Address-ordered first fit from block 0 equals gc.c's scan from gc_last_free_atb_index:
  // no FREE block ever lies below that index (docs/collector.md §3, "Policy equivalence").
  return table_.first_fit(static_cast<std::uint32_t>(n_blocks));
}

bool Collector::has_run(const BlockTable& table, std::uint64_t n_blocks) const {
  if (n_blocks > table.size()) return false;
  if (bookkeeping_ == Bookkeeping::reference) {
    return GcScan().first_fit(table, n_blocks) != kNoBlock;
  }
  return table.first_fit(static_cast<std::uint32_t>(n_blocks)) != kNoBlock;
}

AllocOutcome Collector::alloc(std::uint64_t n_bytes, bool has_finaliser) {
  AllocOutcome out;
  out.n_blocks = blocks_for(n_bytes);
  if (out.n_blocks == 0) return out;  // gc_alloc(0) returns NULL and touches nothing
  // gc.disable() makes the call behave as if it had collected already: no collection at all.
  bool collected = !trigger_.enabled();
  if (!collected && trigger_.threshold_due()) {
    out.collection = &collect(CollectionCause::threshold);
    collected = true;
  }
  for (;;) {
    if (const BlockIndex start = search(out.n_blocks); start != kNoBlock) {
      const auto n = static_cast<std::uint32_t>(out.n_blocks);
      table_.allocate(start, n);
      ftb_[start.value] = has_finaliser;
      trigger_.allocated(n);
      out.head = start;
      return out;
    }
    if (collected) return out;  // MemoryError
    out.collection = &collect(CollectionCause::oom);
    collected = true;
  }
}

void Collector::free(BlockIndex head) {
  if (head.value >= table_.size() || table_.kind(head) != BlockKind::head) {
    throw std::invalid_argument("gc_free of a block that is not an allocation's head");
  }
  ftb_[head.value] = false;
  scan_.freed(head);
  table_.release(head);  // gc_alloc_amount is not refunded
}

ReallocOutcome Collector::realloc(BlockIndex head, std::uint64_t n_bytes, bool allow_move) {
  ReallocOutcome out;
  out.new_blocks = blocks_for(n_bytes);
  if (head == kNoBlock) {  // gc_realloc(NULL, n) is gc_alloc(n, no finaliser)
    const AllocOutcome a = alloc(n_bytes, false);
    out.kind = a.failed() ? ReallocKind::failed : ReallocKind::from_null;
    out.head = a.head;
    out.collection = a.collection;
    return out;
  }
  if (head.value >= table_.size() || table_.kind(head) != BlockKind::head) {
    throw std::invalid_argument("gc_realloc of a block that is not an allocation's head");
  }
  out.old_blocks = table_.chain_length(head);
  if (n_bytes == 0) {
    free(head);
    out.kind = ReallocKind::freed;
    return out;
  }
  out.head = head;
  const auto old_blocks = static_cast<std::uint32_t>(out.old_blocks);
  if (out.new_blocks == out.old_blocks) {
    out.kind = ReallocKind::same_blocks;
    return out;
  }
  if (out.new_blocks < out.old_blocks) {
    table_.resize(head, old_blocks, static_cast<std::uint32_t>(out.new_blocks));
    scan_.freed(BlockIndex(head.value + static_cast<std::uint32_t>(out.new_blocks)));
    out.kind = ReallocKind::shrunk;
    return out;
  }
  // Grow in place into the FREE blocks that follow: no threshold check, no amount counted.
  const std::uint64_t wanted = out.new_blocks - out.old_blocks;
  if (wanted <= table_.size()) {
    const std::uint32_t after = table_.free_run_from(BlockIndex(head.value + old_blocks),
                                                     static_cast<std::uint32_t>(wanted));
    if (after == wanted) {
      table_.resize(head, old_blocks, static_cast<std::uint32_t>(out.new_blocks));
      out.kind = ReallocKind::grown_in_place;
      return out;
    }
  }
  if (!allow_move) {
    out.kind = ReallocKind::failed;
    return out;
  }
  // Move: a full gc_alloc (threshold check, possible collection, amount += the whole new size)
  // while the old allocation is still live, then gc_free of the old one.
  pinned_ = head;
  const AllocOutcome a = alloc(n_bytes, ftb_[head.value]);
  pinned_ = kNoBlock;
  out.collection = a.collection;
  if (a.failed()) {
    out.kind = ReallocKind::failed;
    return out;
  }
  free(head);
  out.head = a.head;
  out.kind = ReallocKind::moved;
  return out;
}

}  // namespace gcsim
