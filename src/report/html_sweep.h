// The HTML page of a sweep (`gcsim sweep … --html FILE`): small multiples of the curve chart,
// one per setting (each drawn against its own pool, collections and MemoryErrors marked), a
// results table, and the sweep's recommendation. The sweep runs the replays; this only draws
// them.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "replay/driver.h"
#include "report/curve.h"

namespace gcsim {

struct HtmlSweepCell {
  std::string label;                     // the setting, e.g. "heap 512 KiB, threshold 4,096"
  const ReplayResult* result = nullptr;
  const Curve* curve = nullptr;          // filled by that replay (any bucket count)
};

// Cells appear in the given order; svg ids are cell-1, cell-2, …
void write_html_sweep(std::ostream& out, std::string_view title,
                      const std::vector<HtmlSweepCell>& cells, std::string_view recommendation);

}  // namespace gcsim
