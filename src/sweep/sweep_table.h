// The sweep as text on stdout: per trace a row per cell (recommended `*`, runner-up `+`), the
// recommendation and why; then minimum heaps and the gate's failures when there are any.
//
//   trace classes (data/classes.jsonl, 23 events, k210)
//        threshold  requested  effective    heap  collections (thr/oom/expl)  MemoryErrors ...
//     *  4096           4,096      4,096   8,192            3 (2/0/1)          0 (0/0/0)   ...
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

void print_sweep_table(std::ostream& out, const SweepReport& report);

}  // namespace gcsim::sweep
