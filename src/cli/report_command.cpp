#include "cli/report_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/heapmap_command.h"
#include "cli/option_checks.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/replay_options.h"
#include "cli/terminal.h"
#include "report/html/report_page.h"
#include "text/number_format.h"
#include "text/text_wrap.h"

namespace gcsim::cli {
namespace {

struct ReportArgs {
  std::string trace;
  std::string output_path;
  ReplayOptions replay;
  std::optional<std::string> pool_address;
  bool quiet = false;
};

void run(const ReportArgs& args) {
  const std::optional<std::uint64_t> pool_address = parse_pool_address(args.pool_address);
  refuse_stdin_trace("report", args.trace);
  protect_input(args.trace);
  OutputFile out(args.output_path);
  std::error_code size_error;
  const std::uint64_t file_bytes = std::filesystem::file_size(args.trace, size_error);
  Progress progress(!args.quiet, size_error ? 0 : file_bytes);
  const ReportData data = collect_report_data(
      args.trace, [&](const TraceHeader& h) { return args.replay.settings_for(h); }, &progress);
  progress.clear();
  for (const TraceWarning& w : data.result.warnings) print_warning(ColorMode::automatic, w.message);
  write_html_report(out.stream(), data, pool_address);
  out.commit();
  if (args.quiet || OutputFile::takes_stdout()) return;
  const ReplaySummary& s = data.result.summary;
  const std::string summary = fmt::format(
      "{}: {}, {}, {}, peak mem_alloc {} at event {}", args.output_path,
      plural(s.events, "event", "events"), plural(s.collections_total, "collection", "collections"),
      plural(s.failures_total, "MemoryError", "MemoryErrors"),
      plural(s.peak_mem_alloc, "byte", "bytes"), grouped(s.peak_event));
  fmt::print("{}", wrap_text(summary, stdout_width(), 2));
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report", "replay a trace and write an HTML report");
  cmd->add_option("trace", args->trace, "trace file (.json, .jsonl, optionally .gz)")->required();
  cmd->add_option("-o,--output", args->output_path, "the HTML file to write")->required();
  args->replay.add_to(*cmd);
  add_pool_address_option(*cmd, args->pool_address);
  cmd->add_flag("--quiet,-q", args->quiet, "print nothing on stdout, no progress line");
  cmd->callback([args, &exit_code] {
    run(*args);
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
