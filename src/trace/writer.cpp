#include "trace/writer.h"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace gcsim {
namespace {

using nlohmann::ordered_json;

void write_line(std::ostream& out, const ordered_json& object) {
  // Text that is not UTF-8 (from a caller, never from the reader) becomes U+FFFD, not a throw.
  out << object.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

// Events are formatted by hand (keys in the order the
// header comment gives): a recording writes millions of them, and building a json object per
// event cost more than the recording itself. Strings still go through nlohmann for escaping.
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
  switch (event.op) {
    case Op::alloc:
      append_field(line, "id");
      append_uint(line, event.id);
      append_field(line, "size");
      append_uint(line, event.size);
      if (event.fin) line += ",\"fin\":true";
      if (!event.text.empty()) {
        append_field(line, "type");
        append_string(line, event.text);
      }
      break;
    case Op::realloc:
      append_field(line, "id");
      append_uint(line, event.id);
      append_field(line, "size");
      append_uint(line, event.size);
      break;
    case Op::free:
    case Op::drop:
    case Op::hold:
      append_field(line, "id");
      append_uint(line, event.id);
      break;
    case Op::ref:
    case Op::unref:
      append_field(line, "from");
      append_uint(line, event.id);
      append_field(line, "to");
      append_uint(line, event.to);
      break;
    case Op::collect:
    case Op::enable:
    case Op::disable:
      break;
    case Op::threshold:
      append_field(line, "amount");
      append_int(line, event.amount);
      break;
    case Op::mark:
      append_field(line, "label");
      append_string(line, event.text);
      break;
    case Op::observe:
      if (event.mem_alloc) {
        append_field(line, "mem_alloc");
        append_int(line, *event.mem_alloc);
      }
      if (event.mem_free) {
        append_field(line, "mem_free");
        append_int(line, *event.mem_free);
      }
      break;
  }
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
