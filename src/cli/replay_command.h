// `gcsim replay TRACE [geometry and gc options] [--json F] [--csv F [--every K]]
//  [--collections F] [--no-chart] [--quiet]`: replays a trace and prints what the heap did.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_replay_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
