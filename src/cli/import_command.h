// `gcsim import mpy-log LOG -o TRACE.jsonl`: a MicroPython debug log → a trace, with a summary
// and the `gcsim replay` line that replays it on the log's heap (import/mpy_log.h).
// `gcsim import observe CAPTURE --trace TRACE -o OUT.jsonl`: a device's OBSERVE lines merged
// into a trace after the marks of the same label (import/observe_merge.h).
// Outputs are written atomically (cli/output_file.h): a failed run leaves no file.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_import_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
