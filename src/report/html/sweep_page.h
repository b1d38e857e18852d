// The HTML page of a sweep (`gcsim sweep … --html FILE`). Per trace: the recommendation (best,
// runner-up and why), small multiples of the curve chart — one per setting, a row of thresholds
// per heap size, so the charts of a row share their pool and compare at a glance — and a
// results table whose rows link to their charts. The sweep runs the replays and words the
// settings; this only draws them.
//
//   gcsim sweep: 1 trace x 3 thresholds x 2 heap sizes = 6 cells          (notes)
//   traces: classes · camera-preview                                       (more than one)
//   ── trace classes ─────────────────────────────────────────────────────
//   Recommended: threshold=off heap=8192 — why.  Runner-up: threshold=quarter heap=8192
//   heap 4,096 (pool 3,968)   [off] [quarter] [1000]
//   heap 8,192 (pool 8,064)   [★ off] [☆ quarter] [1000]
//   # | threshold | heap | pool | collections | MemoryErrors | … | est. GC ms
//
// Chart ids are cell-INDEX (INDEX as the sweep numbers its cells), rows row-INDEX, sections
// trace-K (0-based). Classes: sweep-trace, small-multiple (recommended-best,
// recommended-runner-up), sweep-row; the charts' own are in svg/curve_chart.h.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "replay/driver.h"
#include "report/curve.h"

namespace gcsim {

struct HtmlSweepCell {
  std::size_t index = 0;  // in the sweep
  std::string setting;    // "threshold=quarter heap=8192", as the grid wrote it
  std::string threshold;  // the chart's caption: "quarter = 2,016 bytes"
  std::string heap;       // its row's heading: "8192 = 8,192 bytes (pool 8,064)"
  double est_gc_ms = 0;   // the sweep's cost model
  const ReplayResult* result = nullptr;
  const Curve* curve = nullptr;  // filled by that replay (any bucket count)
};

struct HtmlSweepTrace {
  std::string name;
  std::string about;                     // "data/classes.jsonl, 23 events, k210"
  std::optional<std::size_t> best;       // cell index; none: nothing recommended (a shard)
  std::optional<std::size_t> runner_up;  // cell index
  std::string reason;                    // why the best beat the runner-up
  std::vector<HtmlSweepCell> cells;      // in the sweep's order: heap by heap
};

struct HtmlSweepPage {
  std::string title;
  std::vector<std::string> notes;  // lines under the title: the grid, the cost model, the rule
  std::vector<HtmlSweepTrace> traces;
};

void write_html_sweep(std::ostream& out, const HtmlSweepPage& page);

}  // namespace gcsim
