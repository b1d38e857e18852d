// One replay of a trace for the heap scan (heap_scan.h): does the trace replay on this heap
// without a MemoryError? It answers that and two figures the scan shares between replays, and
// keeps nothing else (no metrics, no records), so it can stop as soon as the verdict is made:
//
//   at the first MemoryError: the heap fails;
//   once the largest free run holds every block the rest of the trace asks for: the heap
//   passes. Each later allocation fits in the first fitting run, which leaves the largest run
//   at least the blocks still to come (frees and collections only add free blocks).
//
//   high_water_blocks  one past the highest block any allocation reached. With a threshold in
//                      bytes, the replay on any pool from this many blocks up to this one's is
//                      the same block for block (heap_scan.h says why), so it passes too.
//                      Stopped early, up to there: a pool that also holds the blocks still to
//                      come above it passes (cover_blocks).
//   need_blocks        what the trace reaches at its collections before the first MemoryError,
//                      plus the allocation that asked for the collection: objects every passing
//                      heap must hold at once, at that point of the trace, on any heap.
#pragma once

#include <cstdint>
#include <vector>

#include "collector/collection.h"
#include "sweep/runner.h"

namespace gcsim::sweep {

// What a trace asks of the allocator, in blocks, for the probes of one scan.
class TraceRequests {
 public:
  TraceRequests(const EventArray& events, std::uint32_t block_bytes);
  std::uint64_t largest_blocks() const { return largest_blocks_; }
  // Events are checked in steps of this many: the blocks asked for from event k·kStep on.
  static constexpr std::uint64_t kStep = 64;
  std::uint64_t blocks_from_step(std::uint64_t k) const { return from_step_[k]; }

 private:
  std::uint64_t largest_blocks_ = 0;
  std::vector<std::uint64_t> from_step_;  // one per step, and 0 past the end
};

struct HeapProbe {
  bool passed = true;
  bool passed_early = false;  // stopped before the end: high_water_blocks is as far as it went
  FailureClass failure_class = FailureClass::capacity;  // of the first MemoryError (!passed)
  std::uint64_t failure_event = 0;                      // its event index (!passed)
  std::uint64_t high_water_blocks = 0;
  std::uint64_t need_blocks = 0;
  // Passed: with a threshold in bytes, every pool from this many blocks up to this one passes
  // as well (the high-water mark; stopped early, plus the blocks still to come).
  std::uint64_t cover_blocks = 0;
};

// Replays `events` with `settings` (a sweep cell's: cell_settings) until the verdict is made;
// without `requests`, to the end or the first MemoryError. Throws TraceError for an event the
// program state forbids, or past the replay limits, as replay_events does.
HeapProbe probe_heap(const TraceEvents& events, const ReplaySettings& settings,
                     const std::string& file, const TraceRequests* requests = nullptr);

}  // namespace gcsim::sweep
