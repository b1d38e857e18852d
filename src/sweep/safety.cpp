#include "sweep/safety.h"

#include <algorithm>

#include "sweep/heap_scan.h"

namespace gcsim::sweep {

MarginCheck check_margin(const SweepTrace& trace, const TraceEvents& events,
                         const GridValue& threshold, std::uint64_t heap_bytes,
                         std::uint64_t margin_bytes,
                         const std::function<void(std::uint32_t)>& after_wave) {
  MarginCheck m;
  m.from_bytes = margin_bytes < heap_bytes ? heap_bytes - margin_bytes : 0;
  const std::uint64_t top = atb_of_heap(trace.geometry, heap_bytes);
  const std::uint64_t bottom =
      std::max<std::uint64_t>(1, atb_of_heap(trace.geometry, m.from_bytes));
  const HeapScan scan = scan_heaps(trace, events, threshold, {top, bottom, true, 1, after_wave});
  m.replays = scan.replays;
  // A heap of the failing pool at or above from_bytes.
  const auto failing = [&](std::uint64_t atb) {
    return std::max(m.from_bytes, smallest_heap_with_atb(trace.geometry, atb));
  };
  if (scan.stopped_at_failure) {
    m.fails_at_bytes = failing(scan.lowest);
    return m;
  }
  // Stopped above `bottom`: no pool below what the trace reaches at a collection passes.
  m.holds = scan.lowest <= bottom;
  if (!m.holds) m.fails_at_bytes = failing(scan.lowest - 1);
  return m;
}

}  // namespace gcsim::sweep
