// The heap a MicroPython debug log was recorded on, read from gc_init's lines
// (docs/collector.md §11) and turned into the GeometryParams that make gcsim build the same
// heap, so the log's trace can be replayed at the log's heap:
//
//   Initializing GC heap: 7ffff7c6f010..7ffff7cef000 = 524272 bytes    start S, aligned end, T
//   GC layout:
//     alloc table at 7ffff7c6f010, length 4048 bytes, 16192 blocks     A
//     finaliser table at 7ffff7c6ffe0, length 2024 bytes, 16192 blocks F (absent: no finaliser)
//     pool at 7ffff7c70800, length 518144 bytes, 16192 blocks          P bytes, N blocks
//
// gc_init rounds the end down to a block and keeps the start, so the port's own heap size is
// anywhere in T … T+B−1; heap_bytes = T with start_offset = S mod B gives exactly T usable
// bytes, hence the same tables and pool (docs/collector.md §1.1). B = P / N; the word is B/4 (every
// MicroPython port's default, 4 words a block). The rules version is the first (v1.11, then
// v1.20) whose compute_layout gives the logged table addresses and lengths, N and the pool
// address (v1.20's gap byte moves the finaliser table by one); none → an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "heap/geometry.h"
#include "import/mpy_log_line.h"

namespace gcsim {

struct MpyLogHeap {
  std::uint64_t start_address = 0;  // S
  std::uint64_t end_address = 0;    // the aligned end gc_init printed
  std::uint64_t usable_bytes = 0;   // T
  std::uint64_t atb_address = 0;
  std::uint64_t atb_bytes = 0;    // A
  std::uint64_t ftb_address = 0;  // 0 without a finaliser table line
  std::uint64_t ftb_bytes = 0;    // F; 0 without a finaliser table line
  std::uint64_t pool_address = 0;
  std::uint64_t pool_bytes = 0;   // P
  std::uint64_t pool_blocks = 0;  // N
  GeometryParams geometry;        // heap_bytes = T, start_offset = S mod B, …: replays the log
  std::string preset;             // the preset whose fields (all but heap size and start
                                  // offset) equal `geometry`'s, e.g. "k210"; empty if none
};

// Collects the layout lines as they come, then checks them against compute_layout.
class MpyLogHeapReader {
 public:
  // Takes heap_init, alloc_table, finaliser_table and pool lines; `line_number` names errors.
  void take(const LogLine& line, std::uint64_t line_number);
  // Throws TraceError naming `log_name`: rule "no-heap-layout" when a line is missing,
  // "heap-layout-mismatch" when gcsim's geometry does not give the logged tables and pool.
  MpyLogHeap finish(const std::string& log_name) const;
  // Why gc_alloc's `address` cannot be a block of the logged pool ("outside the pool …", "not
  // on a block boundary …"), or "" when it can or no pool line has come yet.
  std::string misplaced(std::uint64_t address) const;

 private:
  std::optional<LogLine> heap_init_, alloc_table_, finaliser_table_, pool_;
  std::uint64_t heap_init_line_ = 0;
};

}  // namespace gcsim
