#include "trace/event_line.h"

#include <fmt/format.h>

#include "trace/fast_event_parser.h"
#include "trace/json_builder.h"

namespace gcsim {

nlohmann::json parse_json_line(std::string_view line, const TracePlace& place) {
  JsonBuilder builder;
  if (!nlohmann::json::sax_parse(line.begin(), line.end(), &builder)) {
    if (builder.duplicate_key()) {
      throw_trace_error(place, "duplicate-key",
                        fmt::format("\"{:.100}\" twice in one object", *builder.duplicate_key()));
    }
    const JsonSyntaxError& syntax = *builder.syntax_error();
    throw_trace_error(place, syntax.rule, syntax.reason);
  }
  return builder.take();
}

void parse_event_line(std::string_view line, const TracePlace& place, EventParser parser,
                      Event& event) {
  if (parser == EventParser::fast && parse_event_fast(line, event)) return;
  event = validate_event(parse_json_line(line, place), place);
}

}  // namespace gcsim
