// What a sweep's memory is estimated to be, for --max-memory: an upper bound from what each
// part keeps, so that the cells run side by side only while their estimates fit together.
//
//   the process   kProcessBytes: code, libraries, thread stacks (5 MB measured)
//   the traces    every event of every trace, parsed once and shared by all cells
//                 (EventArray::memory_bytes)
//   a replay      kBytesPerPoolBlock per block of its pool: the block table's planes, the free
//                 runs' tags and index, the owner of each head block (13 bytes measured: 0.40
//                 bytes per heap byte with the k210's 32-byte blocks); kBytesPerObject per
//                 object it may remember at once: at most the trace's allocations, and at most
//                 the most the trace holds (allocated, not yet freed or dropped) plus one per
//                 pool block (garbage not yet swept takes a block each); kBytesPerRef per ref
//                 event (an entry per object and target); its records: a collection and a
//                 failure per allocation, realloc or collect event at most, in vectors that
//                 may have grown to twice what they hold
//   kept (--html) per cell, once its replay is done: its summary, curve and per-column counts
//                 (CellReplay; a fixed size, whatever the trace)
//
// README "Limits" gives the measured peaks beside the estimates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep/runner.h"

namespace gcsim::sweep {

inline constexpr std::uint64_t kProcessBytes = std::uint64_t{8} << 20;
inline constexpr std::uint64_t kBytesPerPoolBlock = 16;
inline constexpr std::uint64_t kBytesPerObject = 200;
inline constexpr std::uint64_t kBytesPerRef = 64;

// What the estimates need of a trace, counted once.
struct TraceFootprint {
  std::uint64_t events_bytes = 0;  // its EventArray
  std::uint64_t allocations = 0;
  std::uint64_t most_held = 0;  // allocations not yet freed or dropped, at the most
  std::uint64_t refs = 0;
  std::uint64_t records = 0;  // events that may record a collection or a failure
};
TraceFootprint footprint_of(const EventArray& events);

// One replay of a trace on a pool of `pool_blocks` blocks, while it runs.
std::uint64_t replay_bytes(const TraceFootprint& trace, std::uint64_t pool_blocks);
// The collection and failure records one replay of the trace may make.
std::uint64_t records_bytes(const TraceFootprint& trace);
// What a cell keeps once its replay is done, with --html: at most its CellReplay, a curve of
// kSweepCurveBuckets and a count per small-chart column for each cause and class.
std::uint64_t kept_cell_bytes();
// The process and the traces: there before any cell runs.
std::uint64_t base_bytes(const std::vector<TraceFootprint>& traces);

}  // namespace gcsim::sweep
