// The sweep's cells as CSV, one row per cell in index order: the cell's setting, every metric
// of report/metrics.h (its dotted key as the column name), the GC estimate, whether its safety
// margin holds ("true", "false"; empty without a --safety-margin), its safety ("safe", "fails",
// "larger_heap_fails", "margin_fails"; empty in a shard) and the recommendation mark ("best",
// "runner_up" or empty).
//
//   index,trace,threshold,heap,threshold_requested,threshold_effective,heap_bytes,pool_blocks,
//   pool_bytes,events,allocations,...,gc_cycles,gc_time_ms,margin_holds,safety,recommended
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

void write_sweep_csv(std::ostream& out, const SweepReport& report);

}  // namespace gcsim::sweep
