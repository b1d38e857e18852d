#include "trace/reader.h"

#include <fmt/format.h>

#include "trace/gz_source.h"
#include "trace/json_reader.h"
#include "trace/jsonl_reader.h"

namespace gcsim {
namespace {

template <class Events>
class CollectingSink : public TraceSink {
 public:
  void on_header(const TraceHeader&) override {}
  void on_event(const Event& event, const EventPosition&) override { events.push_back(event); }

  Events events;
};

template <class Events>
Events read_into(const std::string& path, TraceHeader* header) {
  CollectingSink<Events> sink;
  const ReadResult result = read_trace(path, sink);
  if (header != nullptr) *header = result.header;
  return std::move(sink.events);
}

}  // namespace

ReadResult read_trace(const std::string& path, TraceSink& sink) {
  const TraceFileKind kind = trace_file_kind(path);
  GzSource source(path);
  ReadResult result = kind == TraceFileKind::json ? read_json_trace(source, path, sink)
                                                  : read_jsonl_trace(source, path, sink);
  if (source.gzip_truncated()) {
    result.warnings.push_back(
        {fmt::format("{}: the gzip stream ends early (truncated .gz); read what was there", path)});
  }
  return result;
}

std::vector<Event> read_all_events(const std::string& path, TraceHeader* header) {
  return read_into<std::vector<Event>>(path, header);
}

EventArray read_event_array(const std::string& path, TraceHeader* header) {
  return read_into<EventArray>(path, header);
}

}  // namespace gcsim
