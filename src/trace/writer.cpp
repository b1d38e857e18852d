#include "trace/writer.h"

#include <string>

#include <nlohmann/json.hpp>

#include "trace/op_table.h"

namespace gcsim {
namespace {

using nlohmann::ordered_json;

void write_line(std::ostream& out, const ordered_json& object) {
  // Text that is not UTF-8 (from a caller, never from the reader) becomes U+FFFD, not a throw.
  out << object.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace

void TraceWriter::write_header(const TraceHeader& header) {
  ordered_json object = {{"format", kFormatName}, {"version", kFormatVersion}};
  if (!header.name.empty()) object["name"] = header.name;
  if (!header.description.empty()) object["description"] = header.description;
  if (!header.geometry.empty()) object["geometry"] = header.geometry;
  write_line(out_, object);
}

void TraceWriter::write_event(const Event& event) {
  ordered_json object = {{"op", op_name(event.op)}};
  const OpSpec& op = op_spec(event.op);
  for_each_field(op.takes, [&](Field f) {
    const FieldSpec& spec = field_spec(f);
    // A field the op needs is written always; another only when it says something (fin true,
    // a type, a mem_ value), so that reading the line gives the same event back.
    const bool needed = has(op.needs, f);
    const std::string key(spec.key);
    switch (spec.type) {
      case FieldType::trace_id:
      case FieldType::size:
        object[key] = event.*spec.u64;
        break;
      case FieldType::int64:
        object[key] = event.*spec.i64;
        break;
      case FieldType::optional_int64:
        if (const auto& value = event.*spec.optional_i64) object[key] = *value;
        break;
      case FieldType::boolean:
        if (needed || event.*spec.flag) object[key] = event.*spec.flag;
        break;
      case FieldType::text:
        if (needed || !(event.*spec.text).empty()) object[key] = event.*spec.text;
        break;
    }
  });
  write_line(out_, object);
}

void write_trace_jsonl(std::ostream& out, const TraceHeader& header,
                       const std::vector<Event>& events) {
  TraceWriter writer(out);
  writer.write_header(header);
  for (const Event& event : events) writer.write_event(event);
}

}  // namespace gcsim
