// `gcsim merge SHARD.json... [--config F] [--baseline F] [--tolerance SPEC]
//  [--allow-missing-baseline] [--json F] [--csv F] [--markdown F] [--junit F] [--quiet]`: joins
// the shards of one sweep (each `gcsim sweep --shard I/N --json`) into the result one unsharded
// run gives, then recommends, gates and reports as `gcsim sweep` does (sweep/command.h).
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_merge_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
