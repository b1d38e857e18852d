// `gcsim import observe`: merges what a device printed (a capture of tools/gcsim_probe.py's
// `OBSERVE <label> <mem_alloc> <mem_free>` lines; every other line is ignored) into a trace, so
// a replay sets the device's values beside the simulated ones.
//
// The rule: the k-th OBSERVE line with label L becomes an `observe` event right after the
// trace's k-th `mark` event labelled L (before anything else that followed that mark). Marks
// without an OBSERVE stay as they are. An OBSERVE whose label has fewer marks in the trace is an
// error naming the label, the capture line and how many marks the trace has.
//
//   trace                         capture                      merged
//   {"op":"mark","label":"f1"}    OBSERVE f1 16896 501248      {"op":"mark","label":"f1"}
//   {"op":"alloc",...}                                         {"op":"observe","mem_alloc":16896,
//                                                                "mem_free":501248}
//                                                              {"op":"alloc",...}
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace gcsim {

struct Observation {
  std::uint64_t line = 0;  // in the capture, 1-based
  std::string label;
  std::int64_t mem_alloc = 0;
  std::int64_t mem_free = 0;
};

// Every OBSERVE line of a capture, in order. A line that starts with `OBSERVE` but is not
// `OBSERVE <label> <int> <int>` is a TraceError (rule "bad-observe-line") naming
// `capture_name` and the line.
std::vector<Observation> read_observe_capture(std::istream& capture,
                                              const std::string& capture_name);

struct MergeResult {
  std::uint64_t events = 0;        // written, observe events included
  std::uint64_t observations = 0;  // observe events added
};

// Reads the trace at `trace_path` (any form read_trace accepts) and writes it as .jsonl to
// `out` with the observations merged in. Throws TraceError for a broken trace, and rule
// "observe-without-mark" (naming `capture_name`, the line and the label) as above.
MergeResult merge_observations(const std::string& trace_path,
                               const std::vector<Observation>& observations,
                               const std::string& capture_name, std::ostream& out);

}  // namespace gcsim
