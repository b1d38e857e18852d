// What `gcsim import mpy-log` prints after writing a trace: one paragraph on what the log gave,
// the heap it was recorded on, the command that replays the trace there, and the first
// kSummaryWarnings ImportWarnings (unknown lines, and lines that contradict the log so far).
// Each folds to `width` columns, but the replay command, which stays one line to paste. At 80:
//
//   c.log.gz: 30,143 lines → c.jsonl: 5,725 events: 2,864 allocations (0 failed), 106
//     frees, 257 in-place and 22 moving reallocs, 2,634 drops; 39 collections (39 out of
//     ...
//   heap: 524,272 bytes at start offset 16 (k210, v1.11 rules): pool 16,192 blocks =
//     518,144 bytes
//   ...
//   replay with: gcsim replay c.jsonl --heap-size 524272 --start-offset 16
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "import/mpy_log.h"

namespace gcsim {

inline constexpr std::size_t kSummaryWarnings = 10;  // warnings listed; the rest are counted

void write_import_summary(std::ostream& out, const MpyLogImport& imported,
                          const std::string& log_name, const std::string& trace_path,
                          std::size_t width);

// The `gcsim replay` command line that replays `trace_path` on the log's heap: the k210 preset's
// overrides, or another preset's name, that give heap.geometry.
std::string replay_command_for(const MpyLogHeap& heap, const std::string& trace_path);

}  // namespace gcsim
