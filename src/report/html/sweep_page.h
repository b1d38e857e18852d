// The HTML page of a sweep (`gcsim sweep … --html FILE`). The gate's verdict first, when there
// is a gate; then per trace: the recommendation (best, runner-up, why and what the runner-up
// costs), the minimum heaps with their islands, small multiples of the curve chart
// (svg/small_chart.h) — one per setting, captioned with its collections and MemoryErrors, a
// grid of thresholds per heap size (as many across as fit, all the same width), so the charts
// of a heap share their pool and compare at a glance — and a results table whose rows link to
// their charts. The sweep runs the replays and words everything; this only lays it out.
//
//   gcsim sweep: 1 trace x 3 thresholds x 2 heap sizes = 6 cells          (notes)
//   Gate: passed — 12 checks ...                                           (with a gate)
//   traces: classes · camera-preview                                       (more than one)
//   ── trace classes ─────────────────────────────────────────────────────
//   Recommended: threshold=off heap=8192 — why.  Runner-up: threshold=quarter heap=8192 — cost
//   Minimum heap: threshold | min heap | smallest passing | KPU left | islands
//   heap 4,096 (pool 3,968)   [off] [quarter] [1000]
//   heap 8,192 (pool 8,064)   [★ off] [☆ quarter] [1000]
//   # | threshold | heap | pool | collections | MemoryErrors | … | est. GC ms
//
// Chart ids are cell-INDEX (INDEX as the sweep numbers its cells), rows row-INDEX, sections
// trace-K (0-based). Classes: sweep-trace, small-multiple (recommended-best,
// recommended-runner-up), sweep-row, min-heaps, islands, gate (gate-passed, gate-failed); the
// charts' own are in svg/curve_chart.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "replay/summary.h"
#include "report/curve.h"
#include "report/event_columns.h"

namespace gcsim {

struct HtmlSweepCell {
  std::size_t index = 0;  // in the sweep
  std::string setting;    // "threshold=quarter heap=8192", as the grid wrote it
  std::string threshold;  // the chart's caption: "quarter = 2,016 bytes"
  std::string heap;       // its row's heading: "8192 = 8,192 bytes (pool 8,064)"
  double est_gc_ms = 0;   // the sweep's cost model
  const ReplaySummary* summary = nullptr;
  std::uint64_t pool_bytes = 0;
  const Curve* curve = nullptr;           // filled by that replay (any bucket count)
  const EventColumns* columns = nullptr;  // its collections and MemoryErrors (any columns)
};

// One minimum-heap search, worded.
struct HtmlSweepMinHeap {
  std::string threshold;         // "off"
  std::string min_heap;          // "611,392" or "> 1,048,576"
  std::string smallest_passing;  // "441,600" or "–"
  std::string kpu_left;          // at the minimum, k210 only: "2,520,768" or ""
  std::string searched;          // "93,312 – 1,048,576 bytes, 1,234 heaps replayed"
  struct Island {
    std::string heaps;  // "600,832 - 609,279"
    bool passes = false;
    std::string verdict;  // "pass", "fail: fragmentation 66"
  };
  std::vector<Island> islands;
};

struct HtmlSweepTrace {
  std::string name;
  std::string about;                     // "data/classes.jsonl, 23 events, k210"
  std::optional<std::size_t> best;       // cell index; none: nothing recommended (a shard)
  std::optional<std::size_t> runner_up;  // cell index
  std::string reason;                    // why the best beat the runner-up
  std::vector<HtmlSweepCell> cells;      // in the sweep's order: heap by heap
  std::string runner_up_cost = {};       // what taking the runner-up would cost
  std::vector<HtmlSweepMinHeap> min_heaps = {};
  std::vector<std::string> warnings = {};  // the reader's: the trace was cut short
};

struct HtmlSweepGate {
  bool passed = false;
  std::string summary;              // "12 checks: 11 passed, 1 failed, 0 skipped (budgets only)"
  std::vector<std::string> errors;  // the gate's own: a baseline that matches no cell
  struct Row {
    std::string trace, setting, check, message;
  };
  std::vector<Row> failed;  // every failed check
};

struct HtmlSweepPage {
  std::string title;
  std::vector<std::string> notes;  // lines under the title: the grid, the cost model, the rule
  std::vector<HtmlSweepTrace> traces;
  std::optional<HtmlSweepGate> gate = {};
  std::string min_heap_note = {};  // how minimum heaps were searched
};

void write_html_sweep(std::ostream& out, const HtmlSweepPage& page);

}  // namespace gcsim
