// The baseline comparison: each cell a sweep ran against the cell of a previous sweep with the
// same trace name, threshold and heap size as written in the grid ("quarter", "4096", "port").
// Every metric of report/metrics.h with a worse direction is compared; it regresses when it
// moves past the baseline by more than its tolerance (tolerance.h). A cell with more
// MemoryErrors than its baseline fails whatever the tolerances. A cell the baseline lacks is
// skipped, and baseline cells this run did not replay (another shard's, a changed grid) are
// not looked at.
#pragma once

#include <vector>

#include "sweep/check.h"
#include "sweep/result.h"
#include "sweep/tolerance.h"

namespace gcsim::sweep {

// One "baseline" check per cell of `now`, in its order.
std::vector<Check> compare_with_baseline(const SweepResult& now, const SweepResult& baseline,
                                         const Tolerances& tolerances);

}  // namespace gcsim::sweep
