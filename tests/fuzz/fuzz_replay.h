// The fuzz harness: one input of arbitrary bytes goes through everything a user's trace goes
// through — read (as .jsonl, .json or gzipped, by the first byte), check, replay on a small
// k210 heap so collections and MemoryErrors happen, JSON report. The only acceptable outcomes
// are a finished replay or a TraceError / std::invalid_argument (a clean one-line rejection);
// anything else — a crash, a sanitizer report, another exception, a broken block table —
// is a finding. Shared by the libFuzzer target and the regression test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gcsim::fuzz {

// Runs one input and says what it came to, in one line:
//   "replayed: N events, C collections, F MemoryErrors"   a finished replay
//   "rejected: RULE"                                        a TraceError (its rule)
//   "rejected: settings"                                    std::invalid_argument
//   "empty"                                                 no bytes at all
// Aborts (so the fuzzer records it) on anything unacceptable.
// Writes `size` bytes to a file of this process's own in `scratch_dir` (libFuzzer's workers are
// processes), named to end in `ending`; returns its path. Every harness reads its input so.
std::string write_scratch_file(const std::uint8_t* data, std::size_t size,
                               const std::string& scratch_dir, const std::string& ending);

std::string replay_once(const std::uint8_t* data, std::size_t size, const std::string& scratch_dir);

}  // namespace gcsim::fuzz
