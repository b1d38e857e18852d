// `gcsim record SCRIPT.py [ARGS...] -o TRACE.jsonl`: runs a script in a real MicroPython v1.11
// (the unix port built from --micropython DIR, with the recorder compiled in: record/) and
// writes a trace whose liveness holds at every heap size and threshold. Prints what was
// recorded and how long it took. No trace is written when the script fails or runs out of
// memory on the recording heap.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_record_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
