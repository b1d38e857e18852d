// The safety margin of a sweep cell (--safety-margin BYTES|P%): does the trace also replay with
// no MemoryError on every heap from the margin below the cell's heap up to it? A recorded run
// is one run; the script on the device may keep a little more at its peak, which is as if its
// heap were that much smaller. The heaps are replayed in block steps, from the cell's heap down
// (heap_scan.h), stopping at the first that fails.
#pragma once

#include <cstdint>
#include <functional>

#include "sweep/result.h"
#include "sweep/runner.h"

namespace gcsim::sweep {

MarginCheck check_margin(const SweepTrace& trace, const TraceEvents& events,
                         const GridValue& threshold, std::uint64_t heap_bytes,
                         std::uint64_t margin_bytes,
                         const std::function<void(std::uint32_t)>& after_wave = {});

}  // namespace gcsim::sweep
