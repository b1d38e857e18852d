// The smallest heap at which a trace replays with no MemoryError, for one threshold.
//
// Heap sizes are searched in block steps: the pool grows 4 blocks per ATB byte, so the
// candidates are, for each ATB size A, the smallest heap giving A (smaller heaps in between
// give the same pool). Starting from the preset's default heap, the search doubles A while the
// trace fails (up to kMinHeapSearchLimit), then bisects between the last failing A and the
// first passing one:
//
//   A:   1 ........ lo (fails) ... mid ... hi (passes) ... default
//                        └── bisect: ok(mid) ? hi = mid : lo = mid, until hi = lo + 1
//
// Bisection assumes more blocks never add a MemoryError, which holds for the traces tried
// (tests/unit/sweep/min_heap_test.cpp checks it against a scan of every A). A `quarter`
// threshold is recomputed on each candidate heap, as the folklore would be on that device.
#pragma once

#include <cstdint>
#include <vector>

#include "sweep/result.h"
#include "trace/event_array.h"

namespace gcsim::sweep {

inline constexpr std::uint64_t kMinHeapSearchLimit = std::uint64_t{1} << 30;  // 1 GiB

// The smallest heap whose layout has at least `atb_bytes` ATB bytes (pool: 4 blocks each)
// with these parameters; 0 when no heap up to kMaxHeapBytes has that many.
std::uint64_t smallest_heap_with_atb(GeometryParams params, std::uint64_t atb_bytes);

// Searches one trace × threshold, with heaps up to `limit_bytes`; `index`, `trace` and
// `threshold` are left for the caller.
MinHeapResult find_min_heap(const SweepTrace& trace, const TraceHeader& header,
                            const EventArray& events, const GridValue& threshold,
                            std::uint64_t limit_bytes = kMinHeapSearchLimit);

}  // namespace gcsim::sweep
