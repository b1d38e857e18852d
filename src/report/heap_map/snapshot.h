// HeapSnapshot: the heap at one moment of a replay, kept for heap maps drawn later (the text
// map, the SVG tile view, the free-run histogram): one letter per block (mem_info.h), the event
// that allocated each block's object, and gc_info. O(N) to take; a replay takes a few.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "collector/heap_info.h"
#include "heap/block_table.h"
#include "replay/program.h"
#include "replay/simulation.h"

namespace gcsim {

inline constexpr std::uint64_t kNoEvent = ~std::uint64_t{0};

struct HeapSnapshot {
  std::uint64_t event = kNoEvent;         // the state right after this event; kNoEvent: before any
  std::string letters;                    // block_letters
  std::vector<std::uint64_t> born_event;  // per block: when its object was allocated; kNoEvent if
                                          // free or of no known object
  HeapInfo info;                          // gc_info
};

HeapSnapshot take_snapshot(const BlockTable& table, const Program* program,
                           std::uint32_t block_bytes, std::uint64_t event);
// The state right after `event` of a running simulation.
HeapSnapshot take_snapshot(const Simulation& sim, std::uint64_t event);

}  // namespace gcsim
