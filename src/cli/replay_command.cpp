#include "cli/replay_command.h"

#include <fmt/ostream.h>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/replay_options.h"
#include "cli/terminal.h"
#include "report/ascii_chart.h"
#include "report/collections_csv.h"
#include "report/curve.h"
#include "report/replay_json.h"
#include "report/replay_text.h"
#include "report/state_csv.h"

namespace gcsim::cli {
namespace {

struct ReplayArgs {
  std::string trace;
  ReplayOptions replay;
  std::optional<std::string> json_path, csv_path, collections_path;
  std::uint64_t every = 1;
  bool no_chart = false;
  bool quiet = false;
  ColorMode color = ColorMode::automatic;
};

void run(const ReplayArgs& args) {
  // Open every output first: a bad path fails before the replay runs.
  protect_input(args.trace);
  std::optional<OutputFile> json_out, csv_out, collections_out;
  if (args.json_path) json_out.emplace(*args.json_path);
  if (args.csv_path) csv_out.emplace(*args.csv_path);
  if (args.collections_path) collections_out.emplace(*args.collections_path);

  SampleFanout samples;
  std::optional<StateCsvWriter> csv;
  if (csv_out) {
    csv.emplace(csv_out->stream(), args.every);
    samples.add(&*csv);
  }
  // The chart's curve only where the chart is printed (sampling it costs ~2% of a quiet replay).
  const bool chart = !args.no_chart && !args.quiet && !OutputFile::takes_stdout();
  Curve curve(256);  // 128 to 256 slices once merged: about one a column on a wide chart
  if (chart) samples.add(&curve);
  std::error_code size_error;
  const std::uint64_t file_bytes = std::filesystem::file_size(args.trace, size_error);
  Progress progress(!args.quiet, size_error ? 0 : file_bytes);

  const ReplayResult result = replay_trace(
      args.trace, [&](const TraceHeader& h) { return args.replay.settings_for(h); }, &samples,
      &progress);
  progress.clear();

  if (csv) csv->finish();
  for (const TraceWarning& w : result.warnings) print_warning(args.color, w.message);
  if (json_out) {
    json_out->stream() << replay_to_json(result, args.trace).dump(2) << '\n';
  }
  if (collections_out) {
    write_collections_csv(collections_out->stream(), result.collections,
                          result.layout.params.block_bytes);
  }
  OutputFile::commit_all({&json_out, &csv_out, &collections_out});
  if (args.quiet || OutputFile::takes_stdout()) return;
  const TerminalStyle style = stdout_style(args.color);
  print_replay_text(std::cout, result, args.trace, style);
  if (chart) {
    ChartMarks marks;
    marks.peak_event = result.summary.peak_event;
    marks.pool_bytes = result.layout.pool_bytes;
    for (const FailureRecord& f : result.failures) marks.failure_events.push_back(f.event);
    std::cout << '\n';
    print_ascii_chart(std::cout, curve, marks, style);
  }
}

}  // namespace

void add_replay_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReplayArgs>();
  CLI::App* cmd = app.add_subcommand("replay", "replay a trace through the collector and report");
  cmd->add_option("trace", args->trace, "trace file (.json, .jsonl, optionally .gz)")->required();
  args->replay.add_to(*cmd);
  cmd->add_option("--json", args->json_path, "write the result as JSON (schema gcsim-replay/1)");
  CLI::Option* csv =
      cmd->add_option("--csv", args->csv_path, "write the per-event state log as CSV");
  cmd->add_option("--every", args->every, "with --csv: one row every K events")
      ->check(whole_number(1))
      ->needs(csv);
  cmd->add_option("--collections", args->collections_path, "write the collection log as CSV");
  cmd->add_flag("--no-chart", args->no_chart, "no terminal chart");
  cmd->add_flag("--quiet,-q", args->quiet, "print nothing on stdout, no progress line");
  add_color_option(*cmd, args->color);
  cmd->callback([args, &exit_code] {
    run(*args);
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
