#include "trace/jsonl_reader.h"

#include <algorithm>

#include <fmt/format.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

ReadResult read_jsonl_trace(GzSource& source, const std::string& file, TraceSink& sink,
                            EventParser parser) {
  ReadResult result;
  bool have_header = false;
  std::string_view line;
  Event event;
  while (source.peek() >= 0) {
    const std::uint64_t line_number = source.line();
    const GzSource::LineEnd end = source.next_line(line, kMaxLineBytes);
    const TracePlace place{file, have_header ? std::optional(result.events) : std::nullopt,
                           line_number};
    if (end == GzSource::LineEnd::too_long) {
      throw_trace_error(place, "line-too-long",
                        fmt::format("a line holds one event, at most {} bytes", kMaxLineBytes));
    }
    if (is_blank(line)) continue;

    if (!have_header) {
      const nlohmann::json value = parse_json_line(line, place);
      if (value.is_object() && value.contains("events")) {
        throw_trace_error(place, "bad-header",
                          "a .jsonl header has no \"events\" (events follow, one a line); is "
                          "this a .json file?");
      }
      result.header = validate_header(value, place);
      sink.on_header(result.header);
      have_header = true;
      continue;
    }
    try {
      parse_event_line(line, place, parser, event);
    } catch (const TraceError& error) {
      // A recorder that died mid-line: the events before it replay.
      if (end != GzSource::LineEnd::end_of_file || error.info().rule != "not-json") throw;
      result.warnings.push_back({fmt::format(
          "{}:{}: truncated last line (no newline at the end, not JSON) skipped; {} event{} "
          "before it replayed",
          file, line_number, result.events, result.events == 1 ? "" : "s")});
      break;
    }
    sink.on_event(event, {result.events, line_number, source.file_offset()});
    ++result.events;
  }
  if (!have_header) {
    throw_trace_error({file, std::nullopt, std::nullopt}, "empty-file", "nothing but whitespace");
  }
  return result;
}

}  // namespace gcsim
