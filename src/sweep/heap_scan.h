// Which heap sizes a trace replays on without a MemoryError, at one threshold: every pool size
// between two bounds, from the largest down, in block steps. The minimum heap (min_heap.h) and
// the recommendation's safety margin (safety.h) are both answered from such a scan.
//
// Block steps: heaps of one ATB size have one pool (4 blocks per ATB byte), so the candidates
// are the ATB sizes, and the smallest heap of each stands for every heap size in bytes that
// gives it. Each candidate is decided by a replay (heap_probe.h) or by one that speaks for it:
//
//   - With a threshold in bytes (every kind but `quarter`, which follows the pool), a replay on a
//     pool of P blocks whose allocations never reached above block H (its high-water mark) is
//     the replay on every pool from H to P blocks, block for block: first fit finds the same
//     runs below H on each (blocks past H are free on all of them), gc_alloc's threshold counts
//     the same blocks, and an out-of-memory collection comes only where none of them has room.
//     So a replay that passes decides the candidates from H up to its own at once:
//
//       pool blocks   H ..................... P
//       verdict       [ one replay, passed ]       the candidates below H need their own
//
//   - A replay stops at its first MemoryError, and, while replays decide only themselves, once
//     the largest free run holds every block the rest of the trace asks for (it then passes;
//     with a threshold in bytes it still decides the pools above its high-water mark plus the
//     blocks to come).
//   - Below `need` (the most a collection left reachable, plus what asked for it, in any replay
//     so far: heap_probe.h) no pool can pass; the scan stops there.
//
// Replays run in parallel in waves of a fixed size (one at a time while each replay decides
// several candidates), so the scan, its replay count and every verdict are the same for any
// number of threads. tests/unit/sweep/heap_scan_test.cpp checks every verdict against a full
// replay of every candidate.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sweep/heap_probe.h"
#include "sweep/result.h"

namespace gcsim::sweep {

// Consecutive ATB sizes with one verdict, `low` ≤ `high`.
struct AtbRun {
  std::uint64_t low = 0, high = 0;
  bool passes = false;
  FailureClassCounts failures;  // failing runs
};

struct HeapScan {
  std::vector<AtbRun> runs;    // from the top down, adjacent runs differ in their verdict
  std::uint64_t lowest = 0;    // the lowest ATB size decided (runs end there)
  std::uint64_t need_atb = 0;  // below this ATB size no pool can pass (from `need`)
  bool stopped_at_failure = false;
  std::uint32_t replays = 0;
};

struct ScanRequest {
  std::uint64_t top_atb = 0;     // the first candidate
  std::uint64_t bottom_atb = 1;  // the last, unless `need` or a failure stops the scan first
  bool stop_at_failure = false;  // stop at the first failing candidate
  unsigned jobs = 1;             // threads for a wave of replays
  std::function<void(std::uint32_t)> after_wave;  // told the replays of each wave (progress)
};

// The candidates a wave replays at once where a replay decides only itself.
inline constexpr std::uint64_t kScanWave = 8;

// Scans one trace at one threshold. Throws as probe_heap does.
HeapScan scan_heaps(const SweepTrace& trace, const TraceEvents& events, const GridValue& threshold,
                    const ScanRequest& request);

// The smallest heap whose layout has at least `atb_bytes` ATB bytes with these parameters; 0
// when no heap up to kMaxHeapBytes has that many.
std::uint64_t smallest_heap_with_atb(GeometryParams params, std::uint64_t atb_bytes);
// The ATB size of a heap (0: it makes no heap).
std::uint64_t atb_of_heap(GeometryParams params, std::uint64_t heap_bytes);

}  // namespace gcsim::sweep
