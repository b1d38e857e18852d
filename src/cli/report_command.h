// `gcsim report TRACE -o FILE [replay options] [--pool-address HEX] [--quiet]`: one
// self-contained HTML page about a replay (report/html/report_page.h): curves, collections,
// MemoryErrors with the heap map at each, fragmentation, device observations, every metric.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

void add_report_command(CLI::App& app, int& exit_code);

}  // namespace gcsim::cli
