#include "cli/geometry_command.h"

#include <fmt/format.h>
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "cli/exit_codes.h"
#include "cli/geometry_options.h"
#include "cli/terminal.h"
#include "replay/driver.h"
#include "text/number_format.h"
#include "text/terminal_style.h"
#include "text/text_wrap.h"

namespace gcsim::cli {
namespace {

constexpr std::size_t kValueColumn = 14;  // after "word / block  "

bool fits(std::string_view lines, std::size_t width) {
  for (std::size_t from = 0; from < lines.size();) {
    const std::size_t end = std::min(lines.find('\n', from), lines.size());
    if (visible_width(lines.substr(from, end - from)) > width) return false;
    from = end + 1;
  }
  return true;
}

// "label         value", the value folded under its column to fit the terminal; a value with a
// word too long for that column (a firmware setting at 40 columns) goes on the next line.
void print_line(std::size_t width, std::string_view label, const std::string& value) {
  const std::size_t room = width - kValueColumn;
  std::string text =
      wrap_text(fmt::format("{:<{}}{}", label, kValueColumn, split_long_words(value, room)), width,
                kValueColumn);
  if (!fits(text, width)) {
    text = fmt::format("{}\n{}", label,
                       wrap_text("  " + split_long_words(value, width - 2), width, 2));
  }
  fmt::print("{}", text);
}

}  // namespace

void add_geometry_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<GeometryOptions>();
  CLI::App* cmd = app.add_subcommand("geometry", "print the heap layout of a port preset");
  opts->add_to(*cmd, true);
  cmd->callback([opts, &exit_code] {
    const Preset& preset = opts->preset_data();
    const Layout l = layout_for(opts->resolve());
    const GeometryParams& p = l.params;
    const std::size_t w = stdout_width();
    print_line(w, "preset", fmt::format("{} — {}", preset.name, preset.description));
    print_line(w, "rules", std::string(rules_name(p.rules)));
    print_line(w, "heap",
               fmt::format("{:>12} bytes (start offset {} mod {})", grouped(p.heap_bytes),
                           p.start_offset, p.block_bytes));
    // The firmware setting that gives this heap, so it can be pasted into the port's config.
    if (!preset.heap_setting.empty()) {
      print_line(w, "setting", fmt::format("{}={:#x}", preset.heap_setting, p.heap_bytes));
    }
    print_line(w, "word / block",
               fmt::format("{} / {} bytes, finaliser table {}", p.word_bytes, p.block_bytes,
                           p.finaliser ? "on" : "off"));
    print_line(w, "usable", fmt::format("{:>12} bytes", grouped(l.usable_bytes)));
    print_line(w, "ATB", fmt::format("{:>12} bytes", grouped(l.atb_bytes)));
    if (l.gap_bytes) print_line(w, "gap", fmt::format("{:>12} bytes", grouped(l.gap_bytes)));
    print_line(w, "FTB", fmt::format("{:>12} bytes", grouped(l.ftb_bytes)));
    print_line(w, "slack", fmt::format("{:>12} bytes", grouped(l.slack_bytes)));
    print_line(w, "pool",
               fmt::format("{:>12} blocks = {} bytes (offset {})", grouped(l.pool_blocks),
                           grouped(l.pool_bytes), grouped(l.pool_offset)));
    print_line(w, "mem_free()",
               fmt::format("{:>12} bytes on an empty heap", grouped(l.pool_bytes)));
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
