#include "cli/record_command.h"

#include <fmt/format.h>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/terminal.h"
#include "record/maixpy_settings.h"
#include "record/micropython_tree.h"
#include "record/record_script.h"
#include "record/recorder_build.h"
#include "text/byte_size.h"
#include "text/number_format.h"
#include "text/text_wrap.h"
#include "trace/format.h"
#include "trace/writer.h"

namespace gcsim::cli {
namespace {

struct RecordArgs {
  std::vector<std::string> script_and_args;
  std::string output;
  std::optional<std::string> micropython;
  std::optional<std::string> heap_size;  // default 512K, grown while the script runs out of it
  std::uint64_t liveness_every = 1;
  MaixPySettings maixpy;
  bool quiet = false;
  bool interpreter = false;
};

struct EventCounts {
  std::uint64_t total = 0, allocs = 0, reallocs = 0, frees = 0, drops = 0, marks = 0, gc_calls = 0;

  void count(const Event& e) {
    ++total;
    switch (e.op) {
      case Op::alloc:
        ++allocs;
        break;
      case Op::realloc:
        ++reallocs;
        break;
      case Op::free:
        ++frees;
        break;
      case Op::drop:
        ++drops;
        break;
      case Op::mark:
        ++marks;
        break;
      default:
        ++gc_calls;
        break;
    }
  }
};

constexpr const char* kDefaultHeap = "512K";
constexpr std::uint64_t kLargestHeap = std::uint64_t{64} << 20;  // where doubling stops

std::uint64_t recording_heap_bytes(const std::string& text) {
  const std::optional<std::uint64_t> bytes = parse_byte_size(text);
  // The unix port's heap: at least a few KB to start, at most what -X heapsize takes.
  if (!bytes || *bytes < 16 * 1024 || *bytes > (std::uint64_t{1} << 31)) {
    throw std::invalid_argument(
        fmt::format("record: --heap-size {}: give bytes from 16K to 2048M (e.g. 512K, 2M)", text));
  }
  return *bytes;
}

TraceHeader recording_header(const ScriptRun& run) {
  TraceHeader header;
  header.name = std::filesystem::path(run.script).stem().string();
  std::string command = run.script;
  for (const std::string& a : run.args) command += " " + a;
  header.description = fmt::format(
      "gcsim record of `{}` on the MicroPython v1.11 unix port, {}-byte heap, a liveness pass "
      "before {}",
      command, run.heap_bytes,
      run.liveness_every == 1 ? "every allocation"
                              : fmt::format("every {}th allocation", run.liveness_every));
  header.geometry = "k210";
  return header;
}

void run_record(const RecordArgs& args) {
  if (args.interpreter) {
    fmt::print("{}\n",
               ensure_recorder_build(find_micropython_tree(args.micropython), std::cerr).binary);
    return;
  }
  if (args.script_and_args.empty()) throw std::invalid_argument("record: name the script to run");
  if (args.output.empty()) throw std::invalid_argument("record: -o TRACE.jsonl is required");
  if (args.output == "-") {
    throw std::invalid_argument("record: -o -: the script prints to stdout; name a .jsonl file");
  }
  if (trace_file_kind(args.output) != TraceFileKind::jsonl || args.output.ends_with(".gz")) {
    throw std::invalid_argument(
        fmt::format("record: {}: the output must be a .jsonl file", args.output));
  }
  ScriptRun run;
  run.script = args.script_and_args.front();
  run.args.assign(args.script_and_args.begin() + 1, args.script_and_args.end());
  run.heap_bytes = recording_heap_bytes(args.heap_size.value_or(kDefaultHeap));
  run.liveness_every = args.liveness_every;
  if (args.maixpy.kpu_output) {
    if (const std::string error = kpu_output_error(*args.maixpy.kpu_output); !error.empty()) {
      throw std::invalid_argument(
          fmt::format("record: --kpu-output {}: {}", *args.maixpy.kpu_output, error));
    }
  }
  if (args.maixpy.detections) {
    if (const std::string error = detections_error(*args.maixpy.detections); !error.empty()) {
      throw std::invalid_argument(
          fmt::format("record: --detections {}: {}", *args.maixpy.detections, error));
    }
  }
  run.env = maixpy_environment(args.maixpy);
  if (!std::filesystem::is_regular_file(run.script)) {
    throw std::invalid_argument(fmt::format("record: {}: no such script", run.script));
  }
  const MicroPythonTree tree = find_micropython_tree(args.micropython);
  run.binary = ensure_recorder_build(tree, std::cerr).binary;

  EventCounts counts;
  ScriptResult result;
  for (;;) {
    OutputFile out(args.output);
    TraceWriter writer(out.stream());
    counts = {};
    result = record_script(
        run,
        [&](const RecordingFacts& facts) {
          TraceHeader header = recording_header(run);
          header.recorded = recorded_setting(run, facts);
          writer.write_header(header);
        },
        [&](const Event& e) {
          counts.count(e);
          writer.write_event(e);
        });
    // A recording is only good on a heap where the script never ran out: on a bigger one
    // it holds for every heap. Without --heap-size the heap doubles until it does.
    if (result.facts.out_of_memory > 0 && !args.heap_size && run.heap_bytes < kLargestHeap) {
      fmt::print(stderr,
                 "gcsim record: {} ran out of memory on the {}-byte recording heap; recording "
                 "again on {} bytes\n",
                 run.script, grouped(run.heap_bytes), grouped(2 * run.heap_bytes));
      run.heap_bytes *= 2;
      continue;
    }
    if (const std::string failure = recording_failure(run, result); !failure.empty()) {
      throw std::runtime_error(failure);
    }
    out.commit();
    break;
  }
  if (args.quiet) return;
  const std::string summary = fmt::format(
      "{} → {}: {} events ({} allocations, {} reallocs, {} frees, {} drops, {} marks, {} gc "
      "calls)",
      run.script, args.output, grouped(counts.total), grouped(counts.allocs),
      grouped(counts.reallocs), grouped(counts.frees), grouped(counts.drops), grouped(counts.marks),
      grouped(counts.gc_calls));
  fmt::print("{}", wrap_text(summary, stdout_width(), 2));
  fmt::print("recorded in {:.2f} s on a {}-byte heap\n", result.seconds, grouped(run.heap_bytes));
  if (result.facts.liveness_misses > 0) {
    print_warning(ColorMode::automatic,
                  fmt::format("{} events named objects a liveness pass had found unreachable "
                              "(left out of the trace)",
                              grouped(result.facts.liveness_misses)));
  }
}

}  // namespace

void add_record_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RecordArgs>();
  CLI::App* cmd = app.add_subcommand(
      "record",
      "run a MicroPython script and record a trace that holds at every heap and threshold");
  cmd->add_option("script", args->script_and_args,
                  "the script, then its arguments (after -- if they start with -)");
  cmd->add_option("-o,--output", args->output, "the trace to write (.jsonl)");
  cmd->add_option("--micropython", args->micropython,
                  "the MicroPython v1.11 source tree (default: $GCSIM_MICROPYTHON)");
  cmd->add_option("--heap-size", args->heap_size,
                  "the recording heap, -X heapsize (default 512K, doubled up to 64M while the "
                  "script runs out of it; given, a script that runs out of it fails)");
  cmd->add_option("--liveness-every", args->liveness_every,
                  "a liveness pass before every N-th allocation only (faster, less exact)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000}))
      ->capture_default_str();
  cmd->add_option("--frames", args->maixpy.frames,
                  "MaixPy: end the script at its (N+1)-th sensor.snapshot(), as sys.exit() would")
      ->check(CLI::Validator(
          [](const std::string& text) -> std::string {
            const bool digits =
                !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
            return digits ? "" : "give a count of frames: 0, 1, 2, ...";
          },
          "N"));
  cmd->add_option("--kpu-output", args->maixpy.kpu_output,
                  "MaixPy: values per KPU forward(), e.g. 1000 or 0x300000=10,0x400000=196 "
                  "(default 1000)");
  cmd->add_option("--detections", args->maixpy.detections,
                  "MaixPy: objects each kpu.run_yolo2() finds, a list cycled over the calls "
                  "(default: 20 calls finding none 7 times, one 9, two 3, three once)");
  cmd->add_flag("-q,--quiet", args->quiet, "print nothing but errors");
  cmd->add_flag("--interpreter", args->interpreter,
                "build the recorder if needed and print its path (with GCSIM_RECORD_FD unset it "
                "runs scripts as a plain MicroPython); record nothing");
  cmd->callback([args, &exit_code] {
    run_record(*args);
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
