#include "collector/collector.h"

#include "collector/heap_info.h"
#include "collector/mark_sweep.h"

namespace gcsim {

Collector::Collector(const Layout& layout, Mutator& mutator, Bookkeeping bookkeeping)
    : layout_(layout),
      mutator_(mutator),
      bookkeeping_(bookkeeping),
      table_(static_cast<std::uint32_t>(layout.pool_blocks)),
      ftb_(layout.pool_blocks, false),
      trigger_(layout.params.block_bytes) {}

const CollectionRecord& Collector::collect(CollectionCause cause) {
  CollectionRecord& record = last_collection_;
  record = CollectionRecord{};
  record.cause = cause;
  record.amount_blocks = trigger_.amount_blocks();
  const FreeSpace before = free_space();
  record.used_blocks_before = table_.size() - before.free_blocks;
  record.largest_free_before = before.largest_run;
  const std::uint32_t heads_before = table_.allocation_count();
  trigger_.collection_started();  // gc_collect_start: gc_alloc_amount = 0, on every collection
  const bool by_plane =
      bookkeeping_ == Bookkeeping::indexed && mutator_.root_plane() && mutator_.pointer_plane();
  MarkResult marked;
  if (by_plane) {
    mark_reachable_by_plane(table_, mutator_, pinned_);
  } else {
    marked = mark_reachable(table_, mutator_, pinned_);
  }
  // gc_sweep runs finalisers of dead finaliser objects; trace objects have no __del__ (their
  // type slot stays NULL), so the sweep only clears the FTB bit.
  const SweepResult swept = sweep_unmarked(table_, [&](BlockIndex head) {
    ftb_[head.value] = false;
    mutator_.swept(head);
  });
  if (by_plane) {  // what was not swept was marked
    marked = {heads_before - swept.heads_freed, record.used_blocks_before - swept.blocks_freed};
  }
  record.heads_marked = marked.heads_marked;
  record.blocks_marked = marked.blocks_marked;
  record.heads_freed = swept.heads_freed;
  record.blocks_freed = swept.blocks_freed;
  record.blocks_swept = table_.size();
  scan_.collected();
  const FreeSpace after = free_space();
  record.used_blocks_after = table_.size() - after.free_blocks;
  record.largest_free_after = after.largest_run;
  ++collections_;
  return record;
}

FailureClass Collector::classify_failure(std::uint64_t n_blocks) const {
  if (!trigger_.enabled()) {
    // Would the collection that gc.disable() suppressed have made room? Collect a copy.
    BlockTable copy = table_;
    mark_reachable(copy, mutator_, pinned_);
    sweep_unmarked(copy, [](BlockIndex) {});
    if (has_run(copy, n_blocks)) return FailureClass::disabled;
  }
  return free_space().free_blocks >= n_blocks ? FailureClass::fragmentation
                                              : FailureClass::capacity;
}

FreeSpace Collector::free_space() const {
  if (bookkeeping_ == Bookkeeping::reference) {
    const HeapInfo info = scan_heap_info(table_, layout_.params.block_bytes);
    return {static_cast<std::uint32_t>(info.free / layout_.params.block_bytes), info.max_free,
            info.free_runs};
  }
  return {table_.free_blocks(), table_.largest_free_run(), table_.free_run_count()};
}

}  // namespace gcsim
