#include "trace/writer.h"

#include <nlohmann/json.hpp>

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
  switch (event.op) {
    case Op::alloc:
      object["id"] = event.id;
      object["size"] = event.size;
      if (event.fin) object["fin"] = true;
      if (!event.text.empty()) object["type"] = event.text;
      break;
    case Op::realloc:
      object["id"] = event.id;
      object["size"] = event.size;
      break;
    case Op::free:
    case Op::drop:
    case Op::hold:
      object["id"] = event.id;
      break;
    case Op::ref:
    case Op::unref:
      object["from"] = event.id;
      object["to"] = event.to;
      break;
    case Op::collect:
    case Op::enable:
    case Op::disable:
      break;
    case Op::threshold:
      object["amount"] = event.amount;
      break;
    case Op::mark:
      object["label"] = event.text;
      break;
    case Op::observe:
      if (event.mem_alloc) object["mem_alloc"] = *event.mem_alloc;
      if (event.mem_free) object["mem_free"] = *event.mem_free;
      break;
  }
  write_line(out_, object);
}

void write_trace_jsonl(std::ostream& out, const TraceHeader& header,
                       const std::vector<Event>& events) {
  TraceWriter writer(out);
  writer.write_header(header);
  for (const Event& event : events) writer.write_event(event);
}

}  // namespace gcsim
