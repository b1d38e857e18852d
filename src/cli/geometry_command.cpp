#include "cli/geometry_command.h"

#include <fmt/format.h>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/geometry_options.h"
#include "replay/driver.h"
#include "text/number_format.h"

namespace gcsim::cli {

void add_geometry_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<GeometryOptions>();
  CLI::App* cmd = app.add_subcommand("geometry", "print the heap layout of a port preset");
  opts->add_to(*cmd, true);
  cmd->callback([opts, &exit_code] {
    const Preset& preset = opts->preset_data();
    const Layout l = layout_for(opts->resolve());
    const GeometryParams& p = l.params;
    fmt::print("preset        {} — {}\n", preset.name, preset.description);
    fmt::print("rules         {}\n", rules_name(p.rules));
    fmt::print("heap          {:>12} bytes (start offset {} mod {})\n", grouped(p.heap_bytes),
               p.start_offset, p.block_bytes);
    // The firmware setting that gives this heap, so it can be pasted into the port's config.
    if (!preset.heap_setting.empty()) {
      fmt::print("setting       {}={:#x}\n", preset.heap_setting, p.heap_bytes);
    }
    fmt::print("word / block  {} / {} bytes, finaliser table {}\n", p.word_bytes, p.block_bytes,
               p.finaliser ? "on" : "off");
    fmt::print("usable        {:>12} bytes\n", grouped(l.usable_bytes));
    fmt::print("ATB           {:>12} bytes\n", grouped(l.atb_bytes));
    if (l.gap_bytes) fmt::print("gap           {:>12} bytes\n", grouped(l.gap_bytes));
    fmt::print("FTB           {:>12} bytes\n", grouped(l.ftb_bytes));
    fmt::print("slack         {:>12} bytes\n", grouped(l.slack_bytes));
    fmt::print("pool          {:>12} blocks = {} bytes (offset {})\n", grouped(l.pool_blocks),
               grouped(l.pool_bytes), grouped(l.pool_offset));
    fmt::print("mem_free()    {:>12} bytes on an empty heap\n", grouped(l.pool_bytes));
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
