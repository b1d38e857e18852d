// The human summary `gcsim replay` prints: the heap and settings used, every metric of
// metrics.h with its unit, then the collection log, the MemoryErrors and the device
// observations as tables (the first `max_rows` rows of each; the files hold all), all within the
// style's width (text/text_table.h) and with MemoryErrors in red where it may colour.
#pragma once

#include <ostream>
#include <string>

#include "replay/driver.h"
#include "text/terminal_style.h"

namespace gcsim {

void print_replay_text(std::ostream& out, const ReplayResult& result, const std::string& trace_path,
                       const TerminalStyle& style = {}, std::size_t max_rows = 12);

}  // namespace gcsim
