// The minimum heap of a trace at one threshold: the smallest heap from which every larger heap,
// up to the search bound, replays with no MemoryError ("holds from"), and the islands below it.
// Fragmentation makes more memory sometimes worse, so failure is not monotonic in the heap size:
//
//   heap:    need ....... smallest passing ............ holds from ................ bound
//   verdict  fail fail    PASS PASS fail PASS fail fail PASS PASS PASS PASS ... PASS
//                         └──────────── islands ──────┘ └── every heap passes ─────┘
//
// Islands are the runs of heaps between the smallest that passes and the one it holds from:
// passing runs below the minimum, failing runs above the smallest passing heap, each failing run
// with the class of its heaps' first MemoryErrors.
//
// The search is exhaustive: heap_scan.h replays every ATB size from the bound down, until what
// the trace reaches at its collections rules out every smaller pool. The bound is the larger of
// twice the preset's default heap and the largest heap of the grid, unless given
// (--min-heap-to). A `quarter` threshold is recomputed on each candidate heap, as the folklore
// would be on that device.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sweep/heap_scan.h"
#include "sweep/result.h"

namespace gcsim::sweep {

// At most this many candidates (ATB sizes) below a search bound: 8 MiB of k210 heap, 4 MiB of
// wasm32's. A larger --min-heap-to is refused.
inline constexpr std::uint64_t kMaxScanCandidates = 65536;

// The search bound of a trace in this spec (see above).
std::uint64_t min_heap_bound(const SweepSpec& spec, const SweepTrace& trace);

// Throws std::invalid_argument when a trace's bound makes no heap or has more than
// kMaxScanCandidates candidates.
void check_min_heap_bounds(const SweepSpec& spec);

// Searches one trace × threshold up to `bound_bytes`; `index`, `trace` and `threshold` are left
// for the caller.
MinHeapResult find_min_heap(const SweepTrace& trace, const TraceEvents& events,
                            const GridValue& threshold, std::uint64_t bound_bytes,
                            unsigned jobs = 1,
                            const std::function<void(std::uint32_t)>& after_wave = {});

}  // namespace gcsim::sweep
