#include "cli/sweep_command.h"

#include <fmt/ostream.h>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <utility>

#include "cli/exit_codes.h"
#include "cli/geometry_options.h"
#include "cli/replay_options.h"
#include "sweep/config.h"
#include "sweep/parallel.h"
#include "sweep/runner.h"
#include "sweep/sweep_csv.h"
#include "sweep/sweep_html.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_json_read.h"
#include "sweep/sweep_junit.h"
#include "sweep/sweep_markdown.h"
#include "sweep/sweep_table.h"
#include "trace/reader.h"

namespace gcsim::cli {

using namespace gcsim::sweep;

void SweepOutputOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--json", json, "write the result as JSON (schema gcsim-sweep/1)");
  cmd.add_option("--csv", csv, "write one CSV row per cell");
  cmd.add_option("--markdown", markdown,
                 "write a markdown summary (also appended to $GITHUB_STEP_SUMMARY when set)");
  cmd.add_option("--junit", junit, "write the gate's checks as JUnit XML");
  cmd.add_flag("--quiet,-q", quiet, "print no table on stdout");
}

void SweepOutputOptions::add_html_to(CLI::App& cmd) {
  cmd.add_option("--html", html,
                 "write an HTML page: per trace, a curve chart per setting, the results and the "
                 "recommendation");
}

SweepOutputs::SweepOutputs(const SweepOutputOptions& o) : quiet_(o.quiet) {
  if (o.json) json_.emplace(*o.json);
  if (o.csv) csv_.emplace(*o.csv);
  if (o.markdown) markdown_.emplace(*o.markdown);
  if (o.junit) junit_.emplace(*o.junit);
  if (o.html) html_.emplace(*o.html);
  const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
  if (o.markdown && summary && *summary) {
    step_summary_.emplace(summary, std::ios::app | std::ios::binary);
    if (!*step_summary_) {
      throw std::runtime_error(fmt::format("cannot append to $GITHUB_STEP_SUMMARY ({})", summary));
    }
  }
}

void SweepOutputs::write(const SweepReport& report, const std::vector<CellReplay>& replays) {
  if (json_) json_->stream() << sweep_to_json(report).dump(2) << '\n';
  if (csv_) write_sweep_csv(csv_->stream(), report);
  if (junit_) write_sweep_junit(junit_->stream(), report);
  if (html_) write_sweep_html(html_->stream(), report, replays);
  if (markdown_) {
    std::ostringstream md;
    write_sweep_markdown(md, report);
    markdown_->stream() << md.str();
    if (step_summary_) {
      *step_summary_ << md.str() << std::flush;
      if (!*step_summary_) throw std::runtime_error("cannot append to $GITHUB_STEP_SUMMARY");
    }
  }
  for (auto* out : {&json_, &csv_, &markdown_, &junit_, &html_}) {
    if (*out) (*out)->commit();
  }
  if (!quiet_) print_sweep_table(std::cout, report);
}

void GateOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--baseline", baseline, "gate: compare with a previous --json result");
  cmd.add_option("--tolerance", tolerance,
                 "gate: per-metric tolerances in the worse direction, e.g. collections=5%,peak=0");
}

std::optional<GateInput> gate_input(const GateOptions& options, Budgets budgets) {
  if (options.tolerance && !options.baseline) {
    throw CLI::ValidationError("--tolerance", "needs a --baseline to compare with");
  }
  if (!options.baseline && budgets.empty()) return std::nullopt;
  GateInput in;
  in.baseline_file = options.baseline;
  in.tolerance_text = options.tolerance.value_or("");
  try {
    in.tolerances = Tolerances::parse(in.tolerance_text);
  } catch (const std::invalid_argument& e) {
    throw CLI::ValidationError("--tolerance", e.what());
  }
  in.budgets = std::move(budgets);
  if (options.baseline) in.baseline = read_sweep_json(*options.baseline);
  return in;
}

int report_sweep(SweepResult result, const std::optional<GateInput>& gate, SweepOutputs& outputs,
                 const std::vector<CellReplay>& replays) {
  SweepReport report;
  report.recommendations = recommend(result);
  if (gate) report.gate = run_gate(result, *gate);
  report.result = std::move(result);
  outputs.write(report, replays);
  if (!report.gate || report.gate->passed()) return kExitOk;
  fmt::print(stderr, "gcsim: gate failed: {} of {} checks\n",
             report.gate->count(CheckStatus::failed), report.gate->checks.size());
  return kExitRegression;
}

namespace {

struct SweepArgs {
  std::vector<std::string> traces;
  std::optional<std::string> config;
  GeometryOptions geometry;
  LimitOptions limits;
  std::optional<std::string> thresholds, heap_sizes;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::optional<std::string> shard;
  bool min_heap = false;
  CostModel cost;
  K210Memory k210;
  GateOptions gate;
  bool no_baseline = false;
  SweepOutputOptions outputs;
};

// The list of an axis: the flag's, else the config's, else `port`. Errors name where it came from.
std::vector<GridValue> grid_axis(GridAxis axis, const std::optional<std::string>& flag,
                                 const std::string& flag_name,
                                 const std::optional<std::string>& from_config,
                                 const std::string& config_place) {
  const std::optional<std::string>& text = flag ? flag : from_config;
  if (!text) return {{GridKind::port, 0}};
  try {
    return parse_grid_list(*text, axis);
  } catch (const GridError& e) {
    throw CLI::ValidationError(flag ? flag_name : config_place, e.what());
  }
}

// A trace's events in memory, refused past --max-events before they are all read.
class EventCollector final : public TraceSink {
 public:
  EventCollector(const std::string& file, const ReplayLimits& limits, TraceEvents& out)
      : file_(file), limits_(limits), out_(out) {}
  void on_header(const TraceHeader&) override {}
  void on_event(const Event& event, const EventPosition& position) override {
    check_event_limit(limits_, file_, position);
    out_.events.push_back(event);
  }

 private:
  const std::string& file_;
  const ReplayLimits& limits_;
  TraceEvents& out_;
};

// Each trace parsed once, in parallel; its spec entry from its header and the geometry options.
std::vector<TraceEvents> load_traces(const SweepArgs& args, SweepSpec& spec) {
  std::vector<TraceEvents> loaded(args.traces.size());
  run_parallel(args.traces.size(), args.jobs, [&](std::size_t i) {
    EventCollector collector(args.traces[i], args.limits.limits, loaded[i]);
    loaded[i].header = read_trace(args.traces[i], collector).header;
  });
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    const TraceHeader& h = loaded[i].header;
    const Preset& preset = args.geometry.preset_data(h.geometry);
    spec.traces.push_back({trace_name(h, args.traces[i]), args.traces[i], loaded[i].events.size(),
                           std::string(preset.name), args.geometry.resolve(h.geometry),
                           preset.default_threshold_bytes, args.limits.limits});
  }
  check_trace_names(spec.traces);
  return loaded;
}

int run(SweepArgs args) {
  SweepConfig config;
  if (args.config) config = read_sweep_config(*args.config);
  const std::string config_place = args.config.value_or("") + ": ";
  if (args.traces.empty()) args.traces = config.traces;
  if (args.traces.empty()) {
    throw CLI::ValidationError("sweep", "no traces: name them, or give a --config that does");
  }
  if (!args.geometry.preset) args.geometry.preset = config.preset;
  if (!args.no_baseline) {
    if (!args.gate.baseline) args.gate.baseline = config.baseline;
    if (!args.gate.tolerance) args.gate.tolerance = config.tolerance;
  }

  SweepSpec spec;
  spec.thresholds = grid_axis(GridAxis::threshold, args.thresholds, "--thresholds",
                              config.thresholds, config_place + "thresholds");
  spec.heap_sizes = grid_axis(GridAxis::heap_size, args.heap_sizes, "--heap-sizes",
                              config.heap_sizes, config_place + "heap_sizes");
  spec.cost = args.cost;
  spec.k210 = args.k210;
  spec.min_heap = args.min_heap || config.min_heap.value_or(false);
  std::optional<Shard> shard;
  if (args.shard) {
    try {
      shard = parse_shard(*args.shard);
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError("--shard", e.what());
    }
  }
  const std::optional<GateInput> gate = gate_input(args.gate, config.budgets);
  SweepOutputs outputs(args.outputs);

  const std::vector<TraceEvents> traces = load_traces(args, spec);
  check_budget_names(config.budgets, spec.traces);
  std::vector<CellReplay> replays;
  SweepResult result =
      run_sweep(spec, traces, shard, args.jobs, outputs.wants_replays() ? &replays : nullptr);
  return report_sweep(std::move(result), gate, outputs, replays);
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd =
      app.add_subcommand("sweep", "replay traces over a grid of thresholds and heap sizes");
  cmd->add_option("traces", args->traces, "trace files (.json, .jsonl, optionally .gz)");
  cmd->add_option("--config", args->config,
                  "a sweep file: traces, grid, budgets, baseline (README)");
  args->geometry.add_to(*cmd, false);
  cmd->remove_option(cmd->get_option("--heap-size"));  // a sweep takes --heap-sizes LIST
  args->limits.add_to(*cmd);
  cmd->add_option("--thresholds", args->thresholds,
                  "LIST of gc.threshold() bytes: 4096,8K  1K..64K*2  1K..8K+1K  off  quarter  port "
                  "(default port)");
  cmd->add_option("--heap-sizes", args->heap_sizes,
                  "LIST of heap bytes: values, ranges, port (default port)");
  cmd->add_option("-j,--jobs", args->jobs, "replays in parallel (default: every core)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--shard", args->shard, "run shard I of N (I/N, 1-based); join with gcsim merge");
  cmd->add_flag("--min-heap", args->min_heap,
                "search the smallest heap with no MemoryError per threshold");
  cmd->add_option("--cpu-mhz", args->cost.cpu_mhz, "cost model: CPU clock (default 400)")
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("--mark-cycles", args->cost.cycles_per_block_marked,
                  "cost model: cycles per block marked (default 64)");
  cmd->add_option("--sweep-cycles", args->cost.cycles_per_block_swept,
                  "cost model: cycles per block swept (default 10)");
  cmd->add_option("--collection-cycles", args->cost.cycles_per_collection,
                  "cost model: fixed cycles per collection (default 15000)");
  cmd->add_option("--sram-bytes", args->k210.sram_bytes,
                  "k210 memory: general SRAM (default 6 MiB)");
  cmd->add_option("--firmware-bytes", args->k210.firmware_bytes,
                  "k210 memory: firmware image (default 2.5 MiB)");
  cmd->add_option("--camera-bytes", args->k210.camera_bytes,
                  "k210 memory: camera buffers (default 384000)");
  cmd->add_option("--lcd-bytes", args->k210.lcd_bytes, "k210 memory: LCD buffer (default 153600)");
  args->gate.add_to(*cmd);
  cmd->add_flag("--no-baseline", args->no_baseline,
                "ignore the --config's baseline (to write a new one with --json)");
  args->outputs.add_to(*cmd);
  args->outputs.add_html_to(*cmd);
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace gcsim::cli
