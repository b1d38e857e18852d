// Writes a trace as .jsonl (docs/trace-format.md, version 1): the header on line 1, then one
// compact event object a line, keys in a fixed order (op first, then id/from/to, size, fin,
// type, amount, label, mem_alloc, mem_free as the op takes them). Optional fields at their
// default (fin false, an empty type, an absent mem_) are left out, so reading the output gives
// back the same header and events. The events must be valid (an observe needs a mem_ value).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "trace/event.h"
#include "trace/format.h"

namespace gcsim {

class TraceWriter {
 public:
  explicit TraceWriter(std::ostream& out) : out_(out) {}

  // Call once, first. Writes kFormatName and kFormatVersion whatever header.version holds.
  void write_header(const TraceHeader& header);
  void write_event(const Event& event);

 private:
  std::ostream& out_;
  std::string line_;  // one event's text, reused
};

void write_trace_jsonl(std::ostream& out, const TraceHeader& header,
                       const std::vector<Event>& events);

}  // namespace gcsim
