#include "cli/synth_command.h"

#include <fmt/format.h>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/output_file.h"
#include "cli/terminal.h"
#include "synth/workload.h"
#include "text/quote.h"
#include "text/text_wrap.h"
#include "trace/writer.h"

namespace gcsim::cli {
namespace {

struct SynthArgs {
  std::string workload;
  std::string output;
  std::uint32_t frames = synth::SynthOptions{}.frames;
  std::uint64_t seed = synth::SynthOptions{}.seed;
  bool list = false;
  bool quiet = false;  // synth prints nothing but --list; taken as every command takes it
};

std::string workload_names() {
  std::string names;
  for (const synth::Workload& w : synth::workloads()) {
    if (!names.empty()) names += ", ";
    names += w.name;
  }
  return names;
}

void print_list() {
  constexpr std::size_t kNameColumn = 19;
  for (const synth::Workload& w : synth::workloads()) {
    fmt::print("{}", wrap_text(fmt::format("{:<{}}{}", w.name, kNameColumn, w.description),
                               stdout_width(), kNameColumn));
  }
}

void run_synth(const SynthArgs& args) {
  if (args.workload.empty()) {
    throw std::invalid_argument("synth: name a workload (one of: " + workload_names() + ")");
  }
  const synth::Workload* workload = synth::find_workload(args.workload);
  if (!workload) {
    throw std::invalid_argument(fmt::format("synth: unknown workload {} (one of: {})",
                                            quote(args.workload), workload_names()));
  }
  if (args.output.empty()) throw std::invalid_argument("synth: -o TRACE.jsonl is required");
  if (args.output != "-" && !args.output.ends_with(".jsonl") &&
      !args.output.ends_with(".jsonl.gz")) {
    throw std::invalid_argument(fmt::format(
        "synth: {}: the output must end in .jsonl or .jsonl.gz, or be - (stdout)", args.output));
  }
  const synth::SynthOptions options{args.frames, args.seed};
  OutputFile out(args.output, args.output.ends_with(".gz") ? Compression::gzip : Compression::none);
  TraceWriter writer(out.stream());
  writer.write_header(synth::synth_header(*workload, options));
  synth::synthesize(*workload, options, [&writer](const Event& e) { writer.write_event(e); });
  out.commit();
}

}  // namespace

void add_synth_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* cmd = app.add_subcommand("synth", "write the synthetic trace of a K210 workload");
  cmd->add_option("workload", args->workload, "the workload (see --list)");
  cmd->add_option("--frames", args->frames, "passes of the script's loop")
      ->check(whole_number(1, 1'000'000))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "random seed")
      ->check(whole_number())
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output,
                  "the trace to write (.jsonl, .jsonl.gz, or - for stdout)");
  cmd->add_flag("--list", args->list, "list the workloads, one line each");
  cmd->add_flag("-q,--quiet", args->quiet, "print nothing (as without it: accepted for scripts)");
  cmd->callback([args, &exit_code] {
    if (args->list) {
      print_list();
    } else {
      run_synth(*args);
    }
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
