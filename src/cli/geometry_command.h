// `gcsim geometry [PRESET] [--heap-size N] [--rules v1.11|v1.20] ...`: the heap layout a port
// preset gives (ATB, FTB, pool blocks and bytes, slack), as gc_init computes it.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_geometry_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
