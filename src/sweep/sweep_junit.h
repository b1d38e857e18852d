// The gate as JUnit XML for CI test reports: a <testsuite> per trace and a <testcase> per
// trace × setting × check ("threshold=4096 heap=port: baseline") and per trace check ("trace:
// read", "trace: events"), failed or skipped with the check's message; a "gate" suite first
// with the gate's own errors (a baseline that matches no cell). A sweep without a gate has one
// "replay" case per cell, failed when the cell has MemoryErrors.
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

void write_sweep_junit(std::ostream& out, const SweepReport& report);

}  // namespace gcsim::sweep
