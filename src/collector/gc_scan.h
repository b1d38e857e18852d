// GcScan: py/gc.c's own free-block search, kept as the slow, obviously right reference for the
// indexed one (docs/collector.md §3 steps 6–8, §4 step 6, §5 step 7, §6 gc_collect_end):
//
//   gc_alloc scans the ATB block by block from gc_last_free_atb_index, counting consecutive FREE
//   blocks until n_blocks are found; a 1-block find moves the index past it; gc_free and a
//   shrinking gc_realloc lower it to the freed block's ATB byte; every collection resets it.
//
// Selected by Bookkeeping::reference; the tests replay random traces both ways and require the
// same answer at every event.
#pragma once

#include <cstdint>

#include "heap/block_table.h"

namespace gcsim {

class GcScan {
 public:
  // The first run of n_blocks FREE blocks at or after the index, or kNoBlock; moves the index
  // for n == 1.
  BlockIndex first_fit(const BlockTable& table, std::uint64_t n_blocks);
  // A block became FREE by gc_free or a shrink.
  void freed(BlockIndex block);
  // gc_collect_end.
  void collected() { last_free_atb_index_ = 0; }

 private:
  static constexpr std::uint32_t kBlocksPerAtb = 4;
  std::uint32_t last_free_atb_index_ = 0;
};

}  // namespace gcsim
