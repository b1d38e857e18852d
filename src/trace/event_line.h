// One .jsonl line read as JSON (the header) or as one event (every line after it), for
// jsonl_reader.cpp. The two event parsers give the same Event and the same TraceError for every
// line (tests/unit/trace/event_line_test.cpp runs them side by side):
//
//   nlohmann  the reference: SAX into one JSON value (json_builder.h), then validate_event
//   fast      fast_event_parser.h for the usual lines; the reference for any other line
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "trace/event.h"
#include "trace/validator.h"

namespace gcsim {

enum class EventParser { fast, nlohmann };

// The line as one JSON value. Throws TraceError: duplicate-key, not-json (with nlohmann's
// reason), out-of-range (a number beyond a double, 1e400).
nlohmann::json parse_json_line(std::string_view line, const TracePlace& place);

// The line as one event, written over `event` (reused line after line, so a `type` or `label`
// keeps its storage). Throws TraceError as parse_json_line and validate_event do.
void parse_event_line(std::string_view line, const TracePlace& place, EventParser parser,
                      Event& event);

}  // namespace gcsim
