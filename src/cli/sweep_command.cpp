#include "cli/sweep_command.h"

#include <fmt/ostream.h>
#include <unistd.h>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <utility>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/geometry_options.h"
#include "cli/option_checks.h"
#include "cli/progress.h"
#include "cli/replay_options.h"
#include "replay/recorded_setting.h"
#include "sweep/sweep_csv.h"
#include "sweep/sweep_html.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_junit.h"
#include "sweep/sweep_markdown.h"
#include "sweep/sweep_table.h"

namespace gcsim::cli {

using namespace gcsim::sweep;

void SweepOutputOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--json", json, "write the result as JSON (schema gcsim-sweep/2)");
  cmd.add_option("--csv", csv, "write one CSV row per cell");
  cmd.add_option("--markdown", markdown,
                 "write a markdown summary (also appended to $GITHUB_STEP_SUMMARY when set)");
  cmd.add_option("--junit", junit,
                 "write the gate's checks (or each cell's MemoryErrors) as JUnit XML");
  cmd.add_flag("--quiet,-q", quiet, "print no table on stdout and no progress line");
  add_color_option(cmd, color);
}

void SweepOutputOptions::add_html_to(CLI::App& cmd) {
  cmd.add_option("--html", html,
                 "write an HTML page: per trace, a curve chart per setting, the results, the "
                 "recommendation, the minimum heaps and the gate");
}

SweepOutputs::SweepOutputs(const SweepOutputOptions& o) : quiet_(o.quiet), color_(o.color) {
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
  OutputFile::commit_all({&json_, &csv_, &markdown_, &junit_, &html_});
  if (!quiet_ && !OutputFile::takes_stdout()) {
    print_sweep_table(std::cout, report, stdout_style(color_));
  }
}

void add_gate_flags(CLI::App& cmd, GateRequest& gate) {
  cmd.add_option("--baseline", gate.baseline, "gate: compare with a previous --json result");
  cmd.add_option("--tolerance", gate.tolerance,
                 "gate: per-metric tolerances in the worse direction, e.g. collections=5%,peak=0");
  cmd.add_flag("--no-baseline", gate.no_baseline,
               "ignore the --config's baseline and tolerance (to write a new one with --json)");
  cmd.add_flag("--allow-missing-baseline", gate.allow_missing_baseline,
               "gate: pass when the baseline is missing or matches no cell (a first run)");
}

void protect_inputs(const std::optional<std::string>& config, const GateRequest& gate) {
  if (config) protect_input(*config);
  if (gate.baseline) protect_input(*gate.baseline);
}

int finish(const SweepReport& report, SweepOutputs& outputs,
           const std::vector<CellReplay>& replays) {
  outputs.write(report, replays);
  const std::optional<std::string> failure = gate_failure(report);
  if (!failure) return kExitOk;
  print_error(outputs.color(), "gcsim: " + *failure);
  return kExitRegression;
}

namespace {

// The default --max-memory: 3/4 of the machine's memory, the rest for everything else it runs.
// The estimates are upper bounds, so the real peak stays below it. 0 (no limit) when unknown.
std::uint64_t default_max_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_bytes = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_bytes <= 0) return 0;
  return static_cast<std::uint64_t>(pages) / 4 * 3 * static_cast<std::uint64_t>(page_bytes);
}

struct SweepArgs {
  SweepRequest request;
  std::uint64_t max_memory_bytes = 0;  // 0: no limit
  bool max_memory_given = false;
  GeometryOptions geometry;
  LimitOptions limits;
  SweepOutputOptions outputs;
};

int run(SweepArgs args) {
  args.request.limits = args.limits.limits;
  if (args.max_memory_bytes > 0) args.request.max_memory_bytes = args.max_memory_bytes;
  args.request.max_memory_is_default = !args.max_memory_given;
  SweepPlan plan = plan_sweep(args.request);
  if (!args.geometry.preset) args.geometry.preset = plan.preset;
  for (const std::string& trace : plan.traces) protect_input(trace);
  protect_inputs(args.request.config, args.request.gate);
  SweepOutputs outputs(args.outputs);
  const std::vector<TraceEvents> traces = load_traces(plan, [&](const TraceHeader& h) {
    const Preset& preset = args.geometry.preset_data(h.geometry);
    return TraceSetup{std::string(preset.name), args.geometry.resolve(h.geometry),
                      preset.default_threshold_bytes};
  });
  for (std::size_t i = 0; i < traces.size(); ++i) {
    const SweepTrace& t = plan.spec.traces[i];
    for (const std::string& w : t.warnings) fmt::print(stderr, "gcsim: warning: {}\n", w);
    if (const auto w = sweep_liveness_warning(traces[i].header)) {
      fmt::print(stderr, "gcsim: warning: {}: {}\n", t.file, *w);
    }
  }
  SweepProgressLine progress(!args.outputs.quiet);
  SweepRun run = run_plan(plan, traces, outputs.wants_replays(), &progress);
  progress.clear();
  return finish(run.report, outputs, run.replays);
}

}  // namespace

// The K210 memory flags' bound: far above any board, low enough that their difference
// (kpu_bytes_left) cannot wrap.
constexpr std::uint64_t kMaxK210Bytes = std::uint64_t{1} << 40;

void add_sweep_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SweepArgs>();
  SweepRequest& r = args->request;
  r.jobs = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* cmd =
      app.add_subcommand("sweep", "replay traces over a grid of thresholds and heap sizes");
  cmd->add_option("traces", r.traces, "trace files (.json, .jsonl, optionally .gz)");
  cmd->add_option("--config", r.config, "a sweep file: traces, grid, budgets, baseline (README)");
  args->geometry.add_to(*cmd, false);
  cmd->remove_option(cmd->get_option("--heap-size"));  // a sweep takes --heap-sizes LIST
  args->limits.add_to(*cmd);
  cmd->add_option("--thresholds", r.thresholds,
                  "LIST of gc.threshold() bytes: 4096,8K  1K..64K*2  1K..8K+1K  off  quarter  port "
                  "(default port)");
  cmd->add_option("--heap-sizes", r.heap_sizes,
                  "LIST of heap bytes: values, ranges, port (default port)");
  cmd->add_option("-j,--jobs", r.jobs, "replays in parallel (default: every core)")
      ->check(CLI::Range(1u, 1024u));
  args->max_memory_bytes = default_max_memory_bytes();
  cmd->add_option("--max-memory", args->max_memory_bytes,
                  "SIZE: run only as many replays at once as their estimated memory fits in "
                  "(README Limits; default: 3/4 of the machine's memory; 0: no limit)")
      ->transform(byte_size_transform())
      ->check(whole_number())
      ->each([args](const std::string&) { args->max_memory_given = true; });
  cmd->add_option("--shard", r.shard, "run shard I of N (I/N, 1-based); join with gcsim merge");
  cmd->add_flag("--min-heap", r.min_heap,
                "per threshold, the smallest heap from which every larger heap passes, and the "
                "islands below it");
  cmd->add_option("--min-heap-to", r.min_heap_to,
                  "--min-heap's search bound (default: twice the preset's heap, or the largest "
                  "grid heap)");
  cmd->add_option("--prefer", r.prefer,
                  "the recommendation's goal after safety: heap (default), gc-time, free-run");
  cmd->add_option("--safety-margin", r.safety_margin,
                  "safe only if every heap this far below also passes: bytes or % (default 0)");
  cmd->add_option("--cpu-mhz", r.cost.cpu_mhz, "cost model: CPU clock (default 400)")
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("--mark-cycles", r.cost.cycles_per_block_marked,
                  "cost model: cycles per block marked (default 64)")
      ->check(whole_number());
  cmd->add_option("--sweep-cycles", r.cost.cycles_per_block_swept,
                  "cost model: cycles per block swept (default 10)")
      ->check(whole_number());
  cmd->add_option("--collection-cycles", r.cost.cycles_per_collection,
                  "cost model: fixed cycles per collection (default 15000)")
      ->check(whole_number());
  cmd->add_option("--sram-bytes", r.k210.sram_bytes, "k210 memory: general SRAM (default 6 MiB)")
      ->transform(byte_size_transform())
      ->check(whole_number(0, kMaxK210Bytes));
  cmd->add_option("--firmware-bytes", r.k210.firmware_bytes,
                  "k210 memory: firmware image (default 2.5 MiB)")
      ->transform(byte_size_transform())
      ->check(whole_number(0, kMaxK210Bytes));
  cmd->add_option("--camera-bytes", r.k210.camera_bytes,
                  "k210 memory: camera buffers (default 384000)")
      ->transform(byte_size_transform())
      ->check(whole_number(0, kMaxK210Bytes));
  cmd->add_option("--lcd-bytes", r.k210.lcd_bytes, "k210 memory: LCD buffer (default 153600)")
      ->transform(byte_size_transform())
      ->check(whole_number(0, kMaxK210Bytes));
  add_gate_flags(*cmd, r.gate);
  args->outputs.add_to(*cmd);
  args->outputs.add_html_to(*cmd);
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace gcsim::cli
