#include "import/import_summary.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "text/number_format.h"
#include "text/terminal_style.h"
#include "text/text_wrap.h"

namespace gcsim {

std::string replay_command_for(const MpyLogHeap& heap, const std::string& trace_path) {
  const GeometryParams& g = heap.geometry;
  std::string command = fmt::format("gcsim replay {}", trace_path);
  // Without a matching preset, the k210 preset (the default) with the fields that differ.
  const Preset& base = *find_preset(heap.preset.empty() ? "k210" : heap.preset);
  if (base.name != "k210") command += fmt::format(" --preset {}", base.name);
  command += fmt::format(" --heap-size {}", g.heap_bytes);
  if (g.start_offset != 0) command += fmt::format(" --start-offset {}", g.start_offset);
  const GeometryParams& b = base.params;
  if (g.word_bytes != b.word_bytes) command += fmt::format(" --word-bytes {}", g.word_bytes);
  if (g.block_bytes != b.block_bytes) command += fmt::format(" --block-bytes {}", g.block_bytes);
  if (g.finaliser != b.finaliser) command += fmt::format(" --finaliser {}", g.finaliser);
  if (g.rules != b.rules) command += fmt::format(" --rules {}", rules_name(g.rules));
  return command;
}

void write_import_summary(std::ostream& out, const MpyLogImport& imported,
                          const std::string& log_name, const std::string& trace_path,
                          std::size_t width) {
  const auto paragraph = [&out, width](std::size_t hang, const std::string& text) {
    out << wrap_text(text, width, hang);
  };
  const MpyLogStats& s = imported.stats;
  const std::uint64_t unknown = s.shape_lines[static_cast<std::size_t>(LineShape::unknown)];
  paragraph(
      2,
      fmt::format(
          "{}: {} lines → {}: {} events: {} allocations ({} failed), {} frees, {} in-place and "
          "{} moving reallocs, {} drops; {} collections ({} out of memory, {} threshold, {} "
          "explicit); {} observe and {} mark events; {} lines of other core files and other "
          "text ignored; {} unknown gc/malloc lines, {} inconsistent lines.",
          log_name, grouped(s.lines), trace_path, grouped(imported.events.size()),
          grouped(s.allocations), grouped(s.failed_allocations), grouped(s.frees),
          grouped(s.reallocs_in_place), grouped(s.reallocs_moved), grouped(s.drops),
          grouped(s.collections()), grouped(s.collections_oom), grouped(s.collections_threshold),
          grouped(s.collections_explicit), grouped(s.observes), grouped(s.marks),
          grouped(s.ignored_lines), grouped(unknown), grouped(imported.warnings_total - unknown)));
  const MpyLogHeap& h = imported.heap;
  paragraph(2,
            fmt::format("heap: {} bytes at start offset {} ({}{} rules): pool {} blocks = {} bytes",
                        grouped(h.geometry.heap_bytes), h.geometry.start_offset,
                        h.preset.empty() ? "" : h.preset + ", ", rules_name(h.geometry.rules),
                        grouped(h.pool_blocks), grouped(h.pool_bytes)));
  if (imported.threshold_blocks && *imported.threshold_blocks == 0) {
    paragraph(2,
              "liveness: a collection before every allocation (gc.threshold(0)): the trace "
              "holds at every heap and threshold");
  } else {
    const std::string threshold =
        imported.threshold_blocks
            ? fmt::format("gc.threshold({}), from its threshold collections",
                          grouped(*imported.threshold_blocks * h.geometry.block_bytes))
        : s.collections_threshold > 0
            ? std::string(
                  "threshold collections kept as collect events (no one threshold "
                  "explains them)")
            : std::string("no threshold collections");
    paragraph(
        2,
        fmt::format("liveness: only where the recorded run collected ({}): replays default to this "
                    "heap and threshold; `gcsim record` makes a trace that holds at every setting",
                    threshold));
  }
  // The command stays one line, to paste: on the next line when it does not fit beside.
  const std::string command = replay_command_for(h, trace_path);
  const bool beside = visible_width("replay with: " + command) <= width;
  fmt::print(out, "replay with:{}{}\n", beside ? " " : "\n  ", command);
  const auto& warnings = imported.warnings;
  for (std::size_t i = 0; i < warnings.size() && i < kSummaryWarnings; ++i) {
    paragraph(4, fmt::format("  line {}: {}: {}", warnings[i].line, warnings[i].reason,
                             warnings[i].text));
  }
  if (imported.warnings_total > kSummaryWarnings) {
    fmt::print(out, "  … and {} more lines\n", grouped(imported.warnings_total - kSummaryWarnings));
  }
}

}  // namespace gcsim
