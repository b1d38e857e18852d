// The gate as JUnit XML for CI test reports: a <testsuite> per trace and a <testcase> per
// trace × setting × check ("threshold=4096 heap=port: baseline"), failed or skipped with the
// check's message. A sweep without a gate has one passing "replay" case per cell.
#pragma once

#include <ostream>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

void write_sweep_junit(std::ostream& out, const SweepReport& report);

}  // namespace gcsim::sweep
