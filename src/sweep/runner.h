// Runs a sweep: every cell of the grid (or a shard's share) replayed from traces parsed once
// and held in memory, on a pool of threads, then the minimum-heap searches when asked. Results
// land in slots by index, so the result is the same for any thread count.
#pragma once

#include <optional>
#include <vector>

#include "sweep/result.h"
#include "trace/event_array.h"
#include "trace/format.h"

namespace gcsim::sweep {

// One parsed trace, in spec.traces order.
struct TraceEvents {
  TraceHeader header;
  EventArray events;
};

// Throws std::invalid_argument for a heap size that makes no heap (checked before any replay),
// TraceError for a trace the replay finds broken.
SweepResult run_sweep(const SweepSpec& spec, const std::vector<TraceEvents>& traces,
                      std::optional<Shard> shard, unsigned jobs);

// One cell's result from its replay.
CellResult make_cell(std::size_t index, const CellCoord& coord, const ReplayResult& replay);

}  // namespace gcsim::sweep
