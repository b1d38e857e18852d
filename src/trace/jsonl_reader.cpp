#include "trace/jsonl_reader.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trace/json_builder.h"
#include "trace/validator.h"

namespace gcsim {
namespace {

bool is_blank(const std::string& line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

ReadResult read_jsonl_trace(GzSource& source, const std::string& file, TraceSink& sink) {
  ReadResult result;
  bool have_header = false;
  std::string line;
  while (source.peek() >= 0) {
    const std::uint64_t line_number = source.line();
    const GzSource::LineEnd end = source.read_line(line, kMaxLineBytes);
    const TracePlace place{file, have_header ? std::optional(result.events) : std::nullopt,
                           line_number};
    if (end == GzSource::LineEnd::too_long) {
      throw_trace_error(place, "line-too-long",
                        fmt::format("a line holds one event, at most {} bytes", kMaxLineBytes));
    }
    if (is_blank(line)) continue;

    JsonBuilder builder;
    if (!nlohmann::json::sax_parse(line, &builder)) {
      if (builder.duplicate_key()) {
        throw_trace_error(place, "duplicate-key",
                          fmt::format("\"{}\" twice in one object", *builder.duplicate_key()));
      }
      const JsonSyntaxError& syntax = *builder.syntax_error();
      if (syntax.rule == "not-json" && end == GzSource::LineEnd::end_of_file && have_header) {
        result.warnings.push_back({fmt::format(
            "{}:{}: truncated last line (no newline at the end, not JSON) skipped; {} event{} "
            "before it replayed",
            file, line_number, result.events, result.events == 1 ? "" : "s")});
        break;
      }
      throw_trace_error(place, syntax.rule, syntax.reason);
    }
    const nlohmann::json value = builder.take();

    if (!have_header) {
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
    sink.on_event(validate_event(value, place), {result.events, line_number, source.file_offset()});
    ++result.events;
  }
  if (!have_header) {
    throw_trace_error({file, std::nullopt, std::nullopt}, "empty-file", "nothing but whitespace");
  }
  return result;
}

}  // namespace gcsim
