// The sweep as GitHub-flavoured markdown, for CI job summaries ($GITHUB_STEP_SUMMARY): a table
// per trace (recommended ★, runner-up ☆), the recommendation and why, the minimum heaps and
// the gate with every failed check.
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

void write_sweep_markdown(std::ostream& out, const SweepReport& report);

}  // namespace gcsim::sweep
