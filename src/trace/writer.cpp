#include "trace/writer.h"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "trace/op_table.h"

namespace gcsim {
namespace {

using nlohmann::ordered_json;

void write_line(std::ostream& out, const ordered_json& object) {
  // Text that is not UTF-8 (from a caller, never from the reader) becomes U+FFFD, not a throw.
  out << object.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

// Events are formatted by hand (fields in op_table.h's order): a recording writes millions of them,
// and building a json object per event cost more than the recording itself. Strings still go
// through nlohmann for escaping.
void append_uint(std::string& line, std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  line.append(digits, result.ptr);
}

void append_int(std::string& line, std::int64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  line.append(digits, result.ptr);
}

void append_string(std::string& line, const std::string& text) {
  line += ordered_json(text).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void append_field(std::string& line, std::string_view key) {
  line += ",\"";
  line += key;
  line += "\":";
}

}  // namespace

void TraceWriter::write_header(const TraceHeader& header) {
  ordered_json object = {{"format", kFormatName}, {"version", kFormatVersion}};
  if (!header.name.empty()) object["name"] = header.name;
  if (!header.description.empty()) object["description"] = header.description;
  if (!header.geometry.empty()) object["geometry"] = header.geometry;
  if (const auto& r = header.recorded) {
    ordered_json recorded = {{"liveness", r->liveness}};
    if (r->liveness == kLivenessEveryN) recorded["liveness_every"] = r->liveness_every;
    recorded["heap_bytes"] = r->heap_bytes;
    recorded["start_offset"] = r->start_offset;
    if (r->threshold) recorded["threshold"] = *r->threshold;
    object["recorded"] = std::move(recorded);
  }
  write_line(out_, object);
}

void TraceWriter::write_event(const Event& event) {
  std::string& line = line_;
  line = "{\"op\":\"";
  line += op_name(event.op);
  line += '"';
  const OpSpec& op = op_spec(event.op);
  for_each_field(op.takes, [&](Field f) {
    const FieldSpec& spec = field_spec(f);
    // A field the op needs is written always; another only when it says something (fin true,
    // a type, a mem_ value), so that reading the line gives the same event back.
    const bool needed = has(op.needs, f);
    switch (spec.type) {
      case FieldType::trace_id:
      case FieldType::size:
        append_field(line, spec.key);
        append_uint(line, event.*spec.u64);
        break;
      case FieldType::int64:
        append_field(line, spec.key);
        append_int(line, event.*spec.i64);
        break;
      case FieldType::optional_int64:
        if (const auto& value = event.*spec.optional_i64) {
          append_field(line, spec.key);
          append_int(line, *value);
        }
        break;
      case FieldType::boolean:
        if (needed || event.*spec.flag) {
          append_field(line, spec.key);
          line += event.*spec.flag ? "true" : "false";
        }
        break;
      case FieldType::text:
        if (needed || !(event.*spec.text).empty()) {
          append_field(line, spec.key);
          append_string(line, event.*spec.text);
        }
        break;
    }
  });
  line += "}\n";
  out_.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void write_trace_jsonl(std::ostream& out, const TraceHeader& header,
                       const std::vector<Event>& events) {
  TraceWriter writer(out);
  writer.write_header(header);
  for (const Event& event : events) writer.write_event(event);
}

}  // namespace gcsim
