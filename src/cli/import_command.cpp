#include "cli/import_command.h"

#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/output_file.h"
#include "cli/terminal.h"
#include "import/import_summary.h"
#include "import/mpy_log.h"
#include "import/observe_merge.h"
#include "text/number_format.h"
#include "text/text_wrap.h"
#include "trace/format.h"
#include "trace/writer.h"

namespace gcsim::cli {
namespace {

struct ImportArgs {
  std::string input;  // the log, or the capture
  std::string trace;  // observe: the trace to merge into
  std::string output;
  std::uint64_t max_events = UINT64_MAX;  // mpy-log
  bool quiet = false;
};

// The writer writes .jsonl only; anything else would be misread by the ending.
void require_jsonl(const std::string& path) {
  if (trace_file_kind(path) != TraceFileKind::jsonl || path.ends_with(".gz")) {
    throw std::runtime_error(fmt::format("{}: the output must be a .jsonl file", path));
  }
}

void run_mpy_log(const ImportArgs& args) {
  require_jsonl(args.output);
  protect_input(args.input);
  const MpyLogImport imported = args.input == "-"
                                    ? import_mpy_log(std::cin, "stdin", args.max_events)
                                    : import_mpy_log(args.input, args.max_events);
  OutputFile out(args.output);
  write_trace_jsonl(out.stream(), imported.header, imported.events);
  out.commit();
  if (!args.quiet && !OutputFile::takes_stdout()) {
    write_import_summary(std::cout, imported, args.input, args.output, stdout_width());
  }
}

void run_observe(const ImportArgs& args) {
  require_jsonl(args.output);
  const bool from_stdin = args.input == "-";
  const std::string capture_name = from_stdin ? "stdin" : args.input;
  std::ifstream file;
  if (!from_stdin) {
    file.open(args.input, std::ios::binary);
    if (!file) throw std::runtime_error(fmt::format("cannot read {}", args.input));
  }
  const std::vector<Observation> observations =
      read_observe_capture(from_stdin ? std::cin : file, capture_name);
  protect_input(args.input);
  protect_input(args.trace);
  OutputFile out(args.output);
  const MergeResult merged =
      merge_observations(args.trace, observations, capture_name, out.stream());
  out.commit();
  if (args.quiet || OutputFile::takes_stdout()) return;
  fmt::print("{}", wrap_text(fmt::format("{}: {} OBSERVE lines merged into {} → {}: {} events",
                                         capture_name, grouped(merged.observations), args.trace,
                                         args.output, grouped(merged.events)),
                             stdout_width(), 2));
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("import", "turn device output into a trace");
  cmd->require_subcommand(1);

  auto log_args = std::make_shared<ImportArgs>();
  CLI::App* log = cmd->add_subcommand(
      "mpy-log", "a MicroPython MICROPY_DEBUG_VERBOSE log (plain or .gz) → a trace");
  log->add_option("log", log_args->input, "the debug log (- for stdin)")->required();
  log->add_option("-o,--output", log_args->output, "the trace to write (.jsonl)")->required();
  log->add_option("--max-events", log_args->max_events,
                  "refuse a log that makes more events (default: no limit)")
      ->check(whole_number(1));
  log->add_flag("-q,--quiet", log_args->quiet, "print no summary (errors still on stderr)");
  log->callback([log_args, &exit_code] {
    run_mpy_log(*log_args);
    exit_code = kExitOk;
  });

  auto observe_args = std::make_shared<ImportArgs>();
  CLI::App* observe = cmd->add_subcommand(
      "observe", "merge OBSERVE lines (tools/gcsim_probe.py) into a trace after its marks");
  observe->add_option("capture", observe_args->input, "the device's output (- for stdin)")
      ->required();
  observe->add_option("--trace", observe_args->trace, "the trace with the marks")->required();
  observe->add_option("-o,--output", observe_args->output, "the trace to write (.jsonl)")
      ->required();
  observe->add_flag("-q,--quiet", observe_args->quiet, "print no summary");
  observe->callback([observe_args, &exit_code] {
    run_observe(*observe_args);
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
