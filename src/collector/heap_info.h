// HeapInfo: what gc_info() reports (docs/collector.md §7). gc.mem_alloc() is `used`,
// gc.mem_free() is `free`; like gc.c, max_free and max_block stay in blocks.
//
// Two ways to get it, which must always agree (tests compare them after every event):
//   heap_info()      reads the BlockTable's running summaries: O(1), for every event;
//   scan_heap_info() walks every block exactly as gc_info does: O(N), the reference.
#pragma once

#include <cstdint>

#include "heap/block_table.h"

namespace gcsim {

struct HeapInfo {
  std::uint64_t total = 0;       // bytes: pool_end − pool_start
  std::uint64_t used = 0;        // bytes in HEAD and TAIL blocks: gc.mem_alloc()
  std::uint64_t free = 0;        // bytes in FREE blocks: gc.mem_free()
  std::uint32_t max_free = 0;    // blocks: the longest run of FREE blocks
  std::uint32_t free_runs = 0;   // how many runs of FREE blocks
  std::uint32_t num_1block = 0;  // allocations of exactly one block
  std::uint32_t num_2block = 0;  // allocations of exactly two blocks
  std::uint32_t max_block = 0;   // blocks: the longest allocation

  bool operator==(const HeapInfo&) const = default;
};

HeapInfo heap_info(const BlockTable& table, std::uint32_t block_bytes);
HeapInfo scan_heap_info(const BlockTable& table, std::uint32_t block_bytes);

}  // namespace gcsim
