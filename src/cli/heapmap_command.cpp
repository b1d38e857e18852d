#include "cli/heapmap_command.h"

#include <fmt/format.h>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/option_checks.h"
#include "cli/output_file.h"
#include "cli/progress.h"
#include "cli/replay_options.h"
#include "report/heap_map/capture.h"
#include "report/heap_map/mem_info.h"
#include "report/svg/heap_tiles.h"
#include "text/quote.h"

namespace gcsim::cli {
namespace {

struct HeapmapArgs {
  std::string trace;
  std::string at;
  ReplayOptions replay;
  std::optional<std::string> pool_address;
  std::optional<std::string> output_path, svg_path;
  bool quiet = false;
};

void run(const HeapmapArgs& args) {
  const HeapMapTarget target = parse_heap_map_target(args.at);
  const std::optional<std::uint64_t> pool_address = parse_pool_address(args.pool_address);
  refuse_stdin_trace("heapmap", args.trace);
  protect_input(args.trace);
  std::optional<OutputFile> text_out, svg_out;
  if (args.output_path) text_out.emplace(*args.output_path);
  if (args.svg_path) svg_out.emplace(*args.svg_path);

  std::error_code size_error;
  const std::uint64_t file_bytes = std::filesystem::file_size(args.trace, size_error);
  Progress progress(!args.quiet, size_error ? 0 : file_bytes);
  const CapturedHeapMap map = capture_heap_map(
      args.trace, [&](const TraceHeader& h) { return args.replay.settings_for(h); }, target,
      &progress);
  progress.clear();
  for (const TraceWarning& w : map.result.warnings) print_warning(ColorMode::automatic, w.message);
  const HeapMapFormat format = heap_map_format(map.result.layout, pool_address);
  write_heap_map(text_out ? text_out->stream() : std::cout, map.snapshot.info, map.snapshot.letters,
                 format);
  if (svg_out) write_heap_tiles(svg_out->stream(), map.snapshot, format.block_bytes, "heap-tiles");
  OutputFile::commit_all({&text_out, &svg_out});
}

}  // namespace

void add_pool_address_option(CLI::App& cmd, std::optional<std::string>& text) {
  cmd.add_option("--pool-address", text,
                 "hex address printed in 'GC memory layout; from ADDRESS:' (default: a K210-like "
                 "0x80300000 + start offset + the pool's offset)");
}

std::optional<std::uint64_t> parse_pool_address(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string_view digits = *text;
  if (digits.starts_with("0x") || digits.starts_with("0X")) digits.remove_prefix(2);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    throw CLI::ValidationError("--pool-address",
                               fmt::format("{} is not a hex address", quote(*text)));
  }
  return value;
}

void add_heapmap_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<HeapmapArgs>();
  CLI::App* cmd = app.add_subcommand(
      "heapmap", "the heap at one point of a replay, as micropython.mem_info(1) prints it");
  cmd->add_option("trace", args->trace, "trace file (.json, .jsonl, optionally .gz)")->required();
  cmd->add_option("--at", args->at,
                  "EVENT (0-based), peak, end, fail:K (K-th MemoryError), mark:LABEL or "
                  "mark:LABEL#K (K-th mark so labelled)")
      ->required();
  args->replay.add_to(*cmd);
  add_pool_address_option(*cmd, args->pool_address);
  cmd->add_option("-o,--output", args->output_path, "write the map to FILE instead of stdout");
  cmd->add_option("--svg", args->svg_path, "also write the heap as an SVG tile picture");
  cmd->add_flag("-q,--quiet", args->quiet, "no progress line (the map is the output)");
  cmd->callback([args, &exit_code] {
    run(*args);
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
