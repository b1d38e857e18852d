// The per-event and header rules of docs/trace-format.md (version 1), applied to one parsed JSON
// value at a time. Each broken rule throws TraceError naming the place and the rule:
//
//   rule                 when
//   unknown-op           `op` is not one of the thirteen names
//   missing-field        a required field (or `op`) is absent; `observe` has neither mem_ field
//   unknown-field        a key the op does not take (a typo like "sise" is not size 0)
//   wrong-type           ints must be JSON integers (1.0 and "1" are not), `fin` a bool,
//                        `label`/`type` strings, an event an object
//   out-of-range         ids outside 0..2^53-1, sizes outside 0..2^40, ints beyond 64 bits
//                        (however written: 18446744073709551616 and 1e30 alike)
//   bad-header           not an object, `format` absent or not "gcsim-trace", a known header
//                        key of the wrong type
//   unsupported-version  `version` is an integer other than 1
//
// Left out: duplicate keys (nlohmann::json keeps the last; json_builder.h catches them while
// parsing) and every rule that needs the program's state (an id reused, unknown or dead, an
// unref without a ref): replay/program checks those.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trace/event.h"
#include "trace/format.h"

namespace gcsim {

// Where a value came from, for the error it may raise.
struct TracePlace {
  std::string_view file;
  std::optional<std::uint64_t> event;  // index from 0
  std::optional<std::uint64_t> line;   // 1-based
};

[[noreturn]] void throw_trace_error(const TracePlace& place, std::string_view rule,
                                    std::string detail);

// The header object: `.jsonl` line 1, or a `.json` document's keys other than `events`.
TraceHeader validate_header(const nlohmann::json& header, const TracePlace& place);

// One event object.
Event validate_event(const nlohmann::json& event, const TracePlace& place);

}  // namespace gcsim
