// What `gcsim sweep` and `gcsim merge` decide between parsing their flags and printing: the
// config and the flags made into one plan (flags win), the traces read once, the sweep run or
// the shards merged, the report (safety, recommendations, gate) and whether the gate failed.
// cli/ parses the flags into a request, prints the report and turns a gate failure into exit 1.
//
//   request ──plan_sweep──▶ plan ──load_traces──▶ traces ──run_plan──▶ SweepRun (report)
//   MergeRequest ──run_merge──▶ report                       gate_failure(report) ──▶ exit 1
//
// Errors in flags and files are exceptions whose message is the one line to print: a flag's
// ("--shard: '5/4' is not a shard ..."), a config's ("sweep.json: 'traces' is not ..."), a
// trace's (TraceError: file, event, rule).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sweep/config.h"
#include "sweep/gate.h"
#include "sweep/runner.h"
#include "sweep/sweep_report.h"

namespace gcsim::sweep {

// --baseline, --tolerance, --no-baseline, --allow-missing-baseline.
struct GateRequest {
  std::optional<std::string> baseline, tolerance;
  bool no_baseline = false;  // ignore the config's baseline and tolerance
  bool allow_missing_baseline = false;
};

// The flags of `gcsim sweep` (nullopt: not given).
struct SweepRequest {
  std::vector<std::string> traces;
  std::optional<std::string> config;
  std::optional<std::string> thresholds, heap_sizes;
  bool min_heap = false;
  std::optional<std::string> min_heap_to;
  std::optional<std::string> prefer, safety_margin;
  std::optional<std::string> shard;
  CostModel cost;
  K210Memory k210;
  ReplayLimits limits;
  unsigned jobs = 1;
  std::optional<std::uint64_t> max_memory_bytes;  // none: no limit
  bool max_memory_is_default = false;
  GateRequest gate;
};

// A request with its config read and every list parsed, before a trace is read.
struct SweepPlan {
  std::vector<std::string> traces;
  std::optional<std::string> preset;  // the config's: --preset when not given
  SweepSpec spec;                     // all but the traces
  std::optional<Shard> shard;
  std::optional<GateInput> gate;  // a baseline (read) or budgets
  ReplayLimits limits;
  SweepThreads threads;
};

// Throws std::invalid_argument naming the flag or config key, std::runtime_error for a config
// or baseline that cannot be read.
SweepPlan plan_sweep(const SweepRequest& request);

// A trace's preset and geometry, from its header's hint and the command's geometry options.
struct TraceSetup {
  std::string preset;
  GeometryParams geometry;                 // heap_bytes: the preset's default heap
  std::int64_t port_threshold_bytes = -1;  // the preset's default gc.threshold()
};
using SetupForTrace = std::function<TraceSetup(const TraceHeader& header)>;

// Reads every trace once (in parallel) and fills plan.spec.traces; resolves `port` in the grid
// (spec.h) and checks trace and budget names. Throws TraceError for a broken trace.
std::vector<TraceEvents> load_traces(SweepPlan& plan, const SetupForTrace& setup);

struct SweepRun {
  SweepReport report;
  std::vector<CellReplay> replays;  // with keep_replays: one per cell, for the HTML page
};
SweepRun run_plan(const SweepPlan& plan, const std::vector<TraceEvents>& traces, bool keep_replays,
                  SweepProgress* progress = nullptr);

// The flags of `gcsim merge`.
struct MergeRequest {
  std::vector<std::string> shards;
  std::optional<std::string> config;  // for its baseline, tolerance and budgets
  GateRequest gate;
};

// Joins the shards and reports as the unsharded run would. Throws std::invalid_argument for
// shards that are not the parts of one sweep, or that were gated otherwise than this merge
// gates (a merge must apply the gate its shards applied: the same --config).
SweepReport run_merge(const MergeRequest& request);

// Why the gate failed, in one line; none when it passed or there is no gate.
std::optional<std::string> gate_failure(const SweepReport& report);

}  // namespace gcsim::sweep
