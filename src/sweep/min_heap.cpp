#include "sweep/min_heap.h"

namespace gcsim::sweep {
namespace {

std::uint64_t atb_of(const GeometryParams& params) {
  const auto layout = compute_layout(params);
  return layout ? layout->atb_bytes : 0;
}

}  // namespace

std::uint64_t smallest_heap_with_atb(GeometryParams params, std::uint64_t atb_bytes) {
  // The ATB size never shrinks as the heap grows: bisect for the first heap that reaches it.
  std::uint64_t lo = 0, hi = kMaxHeapBytes;  // atb(lo) < atb_bytes ≤ atb(hi), if any
  params.heap_bytes = hi;
  if (atb_of(params) < atb_bytes) return 0;
  while (hi - lo > 1) {
    params.heap_bytes = lo + (hi - lo) / 2;
    (atb_of(params) >= atb_bytes ? hi : lo) = params.heap_bytes;
  }
  return hi;
}

MinHeapResult find_min_heap(const SweepTrace& trace, const TraceHeader& header,
                            const EventArray& events, const GridValue& threshold,
                            std::uint64_t limit_bytes) {
  MinHeapResult result;
  const auto heap_for = [&](std::uint64_t atb_bytes) {
    return smallest_heap_with_atb(trace.geometry, atb_bytes);
  };
  const auto passes = [&](std::uint64_t atb_bytes) {
    const std::uint64_t heap_bytes = heap_for(atb_bytes);
    ++result.replays;
    result.searched_to_bytes = std::max(result.searched_to_bytes, heap_bytes);
    const ReplayResult r =
        replay_events(events, header, cell_settings(trace, threshold, heap_bytes), trace.file);
    return r.summary.failures_total == 0;
  };
  std::uint64_t lo = 0;  // A known to fail (0: no heap at all)
  std::uint64_t hi = std::max<std::uint64_t>(atb_of(trace.geometry), 1);
  while (!passes(hi)) {
    lo = hi;
    const std::uint64_t next = heap_for(2 * hi);
    if (next == 0 || next > limit_bytes) return result;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    (passes(mid) ? hi : lo) = mid;
  }
  result.heap_bytes = heap_for(hi);
  result.pool_blocks = 4 * hi;
  return result;
}

}  // namespace gcsim::sweep
