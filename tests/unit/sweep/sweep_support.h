// Helpers for the sweep suites: a sweep over the test data's traces on the k210 preset (as
// `gcsim sweep` builds it, without the CLI), and cells made by hand.
#pragma once

#include <string>
#include <vector>

#include "report/metrics.h"
#include "sweep/runner.h"
#include "sweep/spec.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_report.h"
#include "trace/reader.h"

namespace gcsim::sweep::test {

inline std::string data_path(const std::string& relative) {
  return std::string(GCSIM_TEST_DATA_DIR) + "/" + relative;
}

inline const std::string kClasses = data_path("cli/data/classes.jsonl");  // 23 events
inline const std::string kFragmentation =
    data_path("oracle/data/fragmentation.jsonl");  // 4,489 events

struct Loaded {
  SweepSpec spec;
  std::vector<TraceEvents> traces;
};

inline Loaded load(const std::vector<std::string>& files, const std::string& thresholds,
                   const std::string& heap_sizes, const std::string& preset_name = "k210") {
  Loaded out;
  const Preset& preset = *find_preset(preset_name);
  for (const std::string& file : files) {
    TraceEvents t;
    t.events = read_event_array(file, &t.header);
    out.spec.traces.push_back({trace_name(t.header, file), file, t.events.size(),
                               std::string(preset.name), preset.params,
                               preset.default_threshold_bytes, ReplayLimits{}});
    out.traces.push_back(std::move(t));
  }
  out.spec.thresholds = parse_grid_list(thresholds, GridAxis::threshold);
  out.spec.heap_sizes = parse_grid_list(heap_sizes, GridAxis::heap_size);
  return out;
}

// A cell of trace `trace` with the metrics that rank it set and every other metric 0.
inline CellResult made_cell(std::size_t index, std::size_t trace, std::uint64_t failures,
                            std::uint64_t blocks_swept, std::uint64_t lowest_max_free,
                            std::uint64_t heap_bytes = 524288) {
  CellResult c;
  c.index = index;
  c.coord = {trace, 0, index};
  c.heap_bytes = heap_bytes;
  ReplaySummary s;
  s.failures_total = failures;
  s.gc_work_blocks_swept = blocks_swept;
  s.lowest_max_free = lowest_max_free;
  for (const Metric& m : replay_metrics()) c.metrics.push_back(m.value(s));
  return c;
}

// The sweep's JSON output, as `gcsim sweep --json` writes it.
inline std::string json_of(const SweepResult& r) {
  return sweep_to_json(make_report(r, std::nullopt)).dump(2);
}

// The first trace of `in` replays at (threshold, heap) without a MemoryError.
inline bool passes(const Loaded& in, const GridValue& threshold, std::uint64_t heap) {
  const SweepTrace& trace = in.spec.traces[0];
  const TraceEvents& t = in.traces[0];
  return replay_events(t.events, t.header, cell_settings(trace, threshold, heap), trace.file)
             .summary.failures_total == 0;
}

}  // namespace gcsim::sweep::test
