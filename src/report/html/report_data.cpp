#include "report/html/report_data.h"

#include <utility>

#include "report/heap_map/capture.h"
#include "text/excerpt.h"

namespace gcsim {
namespace {

// The first pass: the byte axis, marks and failure maps, beside the Recorder's own totals.
class ReportObserver final : public ReplayObserver {
 public:
  ReportObserver(ReportData& data, ReplayObserver* next) : data_(data), next_(next) {}

  void after_event(const Event& event, const EventPosition& position, const EventOutcome& outcome,
                   const Simulation& sim) override {
    if (next_) next_->after_event(event, position, outcome, sim);
    const std::uint64_t index = position.index;
    const std::uint64_t before = bytes_;
    if (outcome.placed_head != kNoBlock)
      bytes_ += event.size;  // as the Recorder counts bytes_requested
    const bool notable =
        outcome.collection || outcome.failure || event.op == Op::mark || event.op == Op::observe;
    data_.bytes.add(index, before, bytes_, notable);

    const std::uint64_t used = sim.collector().table().used_blocks();
    if (index == 0 || used > peak_used_) {  // the Recorder's rule: the first highest wins
      peak_used_ = used;
      data_.peak_bytes_allocated = bytes_;
    }
    if (event.op == Op::mark) {
      ++data_.marks_total;
      if (data_.marks.size() < kMaxMarks) data_.marks.push_back({index, excerpt(event.text)});
    }
    if (outcome.failure && data_.failure_maps.size() < kMaxFailureMaps) {
      data_.failure_maps.push_back(take_snapshot(sim, index));
    }
  }

 private:
  ReportData& data_;
  ReplayObserver* next_;
  std::uint64_t bytes_ = 0;
  std::uint64_t peak_used_ = 0;
};

}  // namespace

ReportData collect_report_data(const std::string& trace_path, const SettingsForHeader& settings,
                               ReplayObserver* also) {
  ReportData data;
  data.trace_path = trace_path;
  ReportObserver observer(data, also);
  data.result = replay_trace(trace_path, settings, &data.curve, &observer);
  if (data.result.summary.events == 0) {
    data.peak = empty_heap_snapshot(data.result.layout);
    return data;
  }
  const HeapMapTarget at_peak{HeapMapTarget::Kind::event, data.result.summary.peak_event, {}};
  data.peak = capture_heap_map(trace_path, settings, at_peak, also).snapshot;
  return data;
}

}  // namespace gcsim
