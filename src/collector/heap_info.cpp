#include "collector/heap_info.h"

#include <algorithm>

namespace gcsim {

HeapInfo heap_info(const BlockTable& table, std::uint32_t block_bytes) {
  HeapInfo info;
  info.total = std::uint64_t{table.size()} * block_bytes;
  info.free = std::uint64_t{table.free_blocks()} * block_bytes;
  info.used = info.total - info.free;
  info.max_free = table.largest_free_run();
  info.free_runs = table.free_run_count();
  info.num_1block = table.allocations_of_length(1);
  info.num_2block = table.allocations_of_length(2);
  info.max_block = table.longest_allocation();
  return info;
}

HeapInfo scan_heap_info(const BlockTable& table, std::uint32_t block_bytes) {
  // gc_info's single pass: `len` is the current allocation's length, `len_free` the current
  // free run's; a chain ends where the next block is FREE or HEAD (or the pool ends), a free
  // run where the next block is HEAD (or the pool ends).
  HeapInfo info;
  std::uint64_t used_blocks = 0, free_blocks = 0;
  std::uint32_t len = 0, len_free = 0;
  const std::uint32_t n = table.size();
  for (std::uint32_t block = 0; block < n; ++block) {
    switch (table.kind(BlockIndex(block))) {
      case BlockKind::free:
        ++free_blocks;
        ++len_free;
        len = 0;
        break;
      case BlockKind::head:
        ++used_blocks;
        len = 1;
        break;
      case BlockKind::tail:
        ++used_blocks;
        ++len;
        break;
      case BlockKind::mark:  // only during a collection; gc_info counts it as neither
        break;
    }
    const bool finish = block + 1 == n;
    const BlockKind next = finish ? BlockKind::free : table.kind(BlockIndex(block + 1));
    if (finish || next == BlockKind::free || next == BlockKind::head) {
      if (len == 1) ++info.num_1block;
      if (len == 2) ++info.num_2block;
      info.max_block = std::max(info.max_block, len);
      if (finish || next == BlockKind::head) {
        if (len_free > 0) ++info.free_runs;
        info.max_free = std::max(info.max_free, len_free);
        len_free = 0;
      }
    }
  }
  info.total = std::uint64_t{n} * block_bytes;
  info.used = used_blocks * block_bytes;
  info.free = free_blocks * block_bytes;
  return info;
}

}  // namespace gcsim
