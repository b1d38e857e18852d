// The fuzz harnesses beside fuzz_replay.h's, for the other readers of user files: a MicroPython
// debug log (`gcsim import mpy-log`) and a sweep file (`gcsim sweep --config`). Each takes one
// input of arbitrary bytes and says what it came to in one line; the only acceptable ends are
// a finished read or a clean one-line rejection (TraceError, std::invalid_argument,
// std::runtime_error: exit 2). Anything else escapes or aborts, and the fuzzer records it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gcsim::fuzz {

// The bytes as a log file, imported; the trace written to memory.
//   "imported: N events, W warnings" | "rejected: RULE" | "rejected: settings" | "empty"
std::string import_once(const std::uint8_t* data, std::size_t size, const std::string& scratch_dir);

// The bytes as a sweep file, planned as `gcsim sweep --config FILE` plans it before reading a
// trace (keys, lists, the gate's baseline and tolerance).
//   "planned: T traces, S settings" | "rejected" | "empty"
std::string config_once(const std::uint8_t* data, std::size_t size, const std::string& scratch_dir);

}  // namespace gcsim::fuzz
