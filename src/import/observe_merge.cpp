#include "import/observe_merge.h"

#include <fmt/format.h>
#include <deque>
#include <map>

#include "import/mpy_log_line.h"
#include "text/excerpt.h"
#include "text/quote.h"
#include "trace/reader.h"
#include "trace/trace_error.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

// Writes each event as it is read; after a mark, the next observation waiting for its label.
class MergeSink final : public TraceSink {
 public:
  MergeSink(const std::vector<Observation>& observations, std::ostream& out) : writer_(out) {
    for (const Observation& o : observations) waiting_[o.label].push_back(&o);
  }

  void on_header(const TraceHeader& header) override { writer_.write_header(header); }

  void on_event(const Event& event, const EventPosition&) override {
    writer_.write_event(event);
    ++result_.events;
    if (event.op != Op::mark) return;
    ++marks_[event.text];
    auto it = waiting_.find(event.text);
    if (it == waiting_.end() || it->second.empty()) return;
    const Observation& o = *it->second.front();
    it->second.pop_front();
    Event observe;
    observe.op = Op::observe;
    observe.mem_alloc = o.mem_alloc;
    observe.mem_free = o.mem_free;
    writer_.write_event(observe);
    ++result_.events;
    ++result_.observations;
  }

  // The first observation (by capture line) no mark took, if any.
  const Observation* unmatched() const {
    const Observation* first = nullptr;
    for (const auto& [label, queue] : waiting_) {
      if (!queue.empty() && (!first || queue.front()->line < first->line)) first = queue.front();
    }
    return first;
  }
  std::uint64_t marks(const std::string& label) const {
    const auto it = marks_.find(label);
    return it == marks_.end() ? 0 : it->second;
  }
  const MergeResult& result() const { return result_; }

 private:
  TraceWriter writer_;
  std::map<std::string, std::deque<const Observation*>> waiting_;
  std::map<std::string, std::uint64_t> marks_;
  MergeResult result_;
};

}  // namespace

std::vector<Observation> read_observe_capture(std::istream& capture,
                                              const std::string& capture_name) {
  std::vector<Observation> observations;
  std::string text;
  for (std::uint64_t line = 1; read_log_line(capture, text, capture_name, line); ++line) {
    const LogLine l = parse_log_line(text);
    if (l.shape == LineShape::observe) {
      observations.push_back({line, std::string(l.label), l.mem_alloc, l.mem_free});
    } else if (std::string_view(text).starts_with("OBSERVE ")) {
      throw TraceError({.file = capture_name,
                        .line = line,
                        .rule = "bad-observe-line",
                        .detail = fmt::format("expected `OBSERVE <label> <mem_alloc> <mem_free>`, "
                                              "got `{}`",
                                              text)});
    }
  }
  return observations;
}

MergeResult merge_observations(const std::string& trace_path,
                               const std::vector<Observation>& observations,
                               const std::string& capture_name, std::ostream& out) {
  MergeSink sink(observations, out);
  read_trace(trace_path, sink);
  if (const Observation* o = sink.unmatched()) {
    const std::uint64_t n_marks = sink.marks(o->label);
    throw TraceError(
        {.file = capture_name,
         .line = o->line,
         .rule = "observe-without-mark",
         .detail = n_marks == 0
                       ? fmt::format("{} has no mark {} to put OBSERVE {} after", trace_path,
                                     quote(o->label), excerpt(o->label, kMaxQuotedBytes))
                       : fmt::format("{} has only {} mark(s) {}, fewer than the OBSERVE {} "
                                     "lines of the capture",
                                     trace_path, n_marks, quote(o->label),
                                     excerpt(o->label, kMaxQuotedBytes))});
  }
  return sink.result();
}

}  // namespace gcsim
