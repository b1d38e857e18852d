// The sweep as an HTML page (`gcsim sweep … --html FILE`): the report's settings,
// recommendations and cost model put into words, beside each cell's replay and curve, and drawn
// by report/html/sweep_page (small multiples per trace, a row per heap size, the results table).
#pragma once

#include <ostream>
#include <vector>

#include "sweep/runner.h"
#include "sweep/sweep_report.h"

namespace gcsim::sweep {

// `replays` holds the replay of each of report.result.cells, in that order (run_sweep fills
// it); throws std::logic_error when the counts differ.
void write_sweep_html(std::ostream& out, const SweepReport& report,
                      const std::vector<CellReplay>& replays);

}  // namespace gcsim::sweep
