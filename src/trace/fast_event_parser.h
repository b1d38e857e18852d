// The fast path for one .jsonl event line: a hand-written recogniser for the event objects that
// writers produce. It accepts a strict subset of what nlohmann::json plus validate_event accept
// and then fills the very same Event; on any doubt it returns false and the caller re-reads the
// line with the reference path (event_line.h), which also names every error. It never throws and
// never decides an error itself, so messages cannot drift from the reference.
//
//   taken here                              left to the reference path
//   {"op":"alloc","id":1,"size":48}         not an object, nesting, arrays, null
//   keys in any order, JSON whitespace      a key with '\' or a byte >= 0x80, unknown or
//                                           repeated keys, a missing field
//   integers -?(0|[1-9][0-9]*), <= 19 digits fractions, exponents, 20+ digits, out of range
//   true, false                             a value of the wrong type
//   strings of printable ASCII (0x20-0x7F)  escapes, control bytes, non-ASCII (UTF-8 checks)
#pragma once

#include <string_view>

#include "trace/event.h"

namespace gcsim {

// Fills every field of `event` and returns true when `line` is one such event object; returns
// false (leaving `event` unspecified) otherwise.
bool parse_event_fast(std::string_view line, Event& event);

}  // namespace gcsim
