// `gcsim synth WORKLOAD [--frames N] [--seed S] -o TRACE.jsonl[.gz]`: writes the synthetic K210
// trace of one workload (src/synth/workload.h); `gcsim synth --list` names the workloads with a
// one-line description each. The file is written beside its final name and renamed into place,
// so a failed run leaves nothing behind.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_synth_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
