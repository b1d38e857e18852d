#include "sweep/min_heap.h"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>

namespace gcsim::sweep {
namespace {

// The largest heap with at most kMaxScanCandidates ATB bytes.
std::uint64_t largest_scannable_heap(const GeometryParams& params) {
  const std::uint64_t above = smallest_heap_with_atb(params, kMaxScanCandidates + 1);
  return above == 0 ? kMaxHeapBytes : above - 1;
}

}  // namespace

std::uint64_t min_heap_bound(const SweepSpec& spec, const SweepTrace& trace) {
  if (spec.min_heap_to) return *spec.min_heap_to;
  std::uint64_t bound = 2 * trace.geometry.heap_bytes;
  for (const GridValue& heap : spec.heap_sizes) {
    bound = std::max(bound, resolve_heap_bytes(heap, trace.geometry.heap_bytes));
  }
  return std::min({bound, largest_scannable_heap(trace.geometry), kMaxHeapBytes});
}

void check_min_heap_bounds(const SweepSpec& spec) {
  for (const SweepTrace& trace : spec.traces) {
    const std::uint64_t bound = min_heap_bound(spec, trace);
    const std::uint64_t atb = atb_of_heap(trace.geometry, bound);
    if (atb == 0) {
      throw std::invalid_argument(
          fmt::format("--min-heap-to: a heap of {} bytes makes no heap for {}", bound, trace.name));
    }
    if (atb > kMaxScanCandidates) {
      throw std::invalid_argument(fmt::format(
          "--min-heap-to: {} bytes is {} block steps for {}; the search takes at most "
          "{} (a heap of {} bytes)",
          bound, atb, trace.name, kMaxScanCandidates, largest_scannable_heap(trace.geometry)));
    }
  }
}

MinHeapResult find_min_heap(const SweepTrace& trace, const TraceEvents& events,
                            const GridValue& threshold, std::uint64_t bound_bytes, unsigned jobs,
                            const std::function<void(std::uint32_t)>& after_wave) {
  const std::uint64_t top = atb_of_heap(trace.geometry, bound_bytes);
  const HeapScan scan = scan_heaps(trace, events, threshold, {top, 1, false, jobs, after_wave});
  const auto heap_of = [&](std::uint64_t atb) {
    return smallest_heap_with_atb(trace.geometry, atb);
  };
  MinHeapResult m;
  m.searched_from_bytes = scan.lowest > top ? bound_bytes : heap_of(scan.lowest);
  m.searched_to_bytes = bound_bytes;
  m.replays = scan.replays;
  const std::vector<AtbRun>& runs = scan.runs;  // top down
  if (runs.empty()) return m;                   // the bound is below what the trace needs
  std::size_t end = runs.size();                // islands: runs[first, end)
  while (end > 0 && !runs[end - 1].passes) --end;
  if (end == 0) return m;  // nothing passes
  m.smallest_passing_bytes = heap_of(runs[end - 1].low);
  std::size_t first = 0;
  if (runs.front().passes) {
    m.heap_bytes = heap_of(runs.front().low);
    GeometryParams g = trace.geometry;
    g.heap_bytes = *m.heap_bytes;
    m.pool_blocks = compute_layout(g)->pool_blocks;
    first = 1;
  }
  for (std::size_t i = end; i-- > first;) {
    const AtbRun& r = runs[i];
    const std::uint64_t to = r.high == top ? bound_bytes : heap_of(r.high + 1) - 1;
    m.islands.push_back({heap_of(r.low), to, r.passes, r.failures});
  }
  return m;
}

}  // namespace gcsim::sweep
