#include "report/heap_map/capture.h"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/excerpt.h"
#include "text/number_format.h"
#include "text/quote.h"

namespace gcsim {

HeapMapObserver::HeapMapObserver(HeapMapTarget target, ReplayObserver* next)
    : target_(std::move(target)), next_(next) {}

void HeapMapObserver::after_event(const Event& event, const EventPosition& position,
                                  const EventOutcome& outcome, const Simulation& sim) {
  if (next_) next_->after_event(event, position, outcome, sim);
  if (snapshot_) return;
  bool hit = false;
  switch (target_.kind) {
    case HeapMapTarget::Kind::event:
      hit = position.index == target_.number;
      break;
    case HeapMapTarget::Kind::failure:
      hit = outcome.failure && ++failures_seen_ == target_.number;
      break;
    case HeapMapTarget::Kind::mark:
    case HeapMapTarget::Kind::peak:
    case HeapMapTarget::Kind::end:
      break;  // resolved to an event by capture_heap_map
  }
  if (hit) snapshot_ = take_snapshot(sim, position.index);
}

HeapSnapshot empty_heap_snapshot(const Layout& layout) {
  const BlockTable table(static_cast<std::uint32_t>(layout.pool_blocks));
  return take_snapshot(table, nullptr, layout.params.block_bytes, kNoEvent);
}

namespace {

std::string missing(const HeapMapTarget& target, const HeapMapObserver& observer,
                    const ReplayResult& result) {
  switch (target.kind) {
    case HeapMapTarget::Kind::event:
      if (result.summary.events == 0) {
        return fmt::format("--at {}: the trace has no events", target.number);
      }
      return fmt::format("--at {}: the trace has {} events (0 to {})", target.number,
                         result.summary.events, result.summary.events - 1);
    case HeapMapTarget::Kind::failure:
      return fmt::format("--at fail:{}: the replay had {}", target.number,
                         plural(observer.failures_seen(), "MemoryError", "MemoryErrors"));
    case HeapMapTarget::Kind::mark:  // resolved to an event by capture_heap_map
    case HeapMapTarget::Kind::peak:
    case HeapMapTarget::Kind::end:
      break;
  }
  return "--at: no such point in the trace";
}

CapturedHeapMap replay_to(const std::string& trace_path, const SettingsForHeader& settings,
                          const HeapMapTarget& target, ReplayObserver* also) {
  HeapMapObserver observer(target, also);
  ReplayResult result = replay_trace(trace_path, settings, nullptr, &observer);
  if (!observer.snapshot()) throw std::runtime_error(missing(target, observer, result));
  return {std::move(result), *observer.snapshot()};
}

struct MarkPoint {
  std::uint64_t event = 0;
  bool observed = false;  // an `observe` event follows it: an OBSERVE line's mark
};

// The marks labelled `label` in a replay, and every label in the order first seen; passes each
// event on to `next`.
class MarkLister final : public ReplayObserver {
 public:
  MarkLister(std::string label, ReplayObserver* next) : label_(std::move(label)), next_(next) {}
  void after_event(const Event& event, const EventPosition& position, const EventOutcome& outcome,
                   const Simulation& sim) override {
    if (next_) next_->after_event(event, position, outcome, sim);
    if (event.op == Op::observe && !labelled_.empty() &&
        labelled_.back().event + 1 == position.index) {
      labelled_.back().observed = true;
    }
    if (event.op != Op::mark) return;
    if (event.text == label_) labelled_.push_back({position.index, false});
    if (label_set_.insert(event.text).second) labels_.push_back(quote(event.text));
  }
  const std::vector<MarkPoint>& labelled() const { return labelled_; }
  const std::vector<std::string>& labels() const { return labels_; }  // quoted

 private:
  std::string label_;
  ReplayObserver* next_;
  std::vector<MarkPoint> labelled_;
  std::unordered_set<std::string> label_set_;
  std::vector<std::string> labels_;
};

// At most this many labels or marks are listed in an error.
constexpr std::size_t kListedAtMost = 10;

std::string listed(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < std::min(items.size(), kListedAtMost); ++i) {
    text += (i == 0 ? "" : ", ") + items[i];
  }
  if (items.size() > kListedAtMost)
    text += fmt::format(" and {} more", items.size() - kListedAtMost);
  return text;
}

// The event a mark target names, or std::runtime_error listing what the trace has instead.
std::uint64_t resolve_mark(const HeapMapTarget& target, const MarkLister& marks) {
  const std::string label = excerpt(target.label, kMaxQuotedBytes);  // as the user typed it
  const std::string at = target.numbered ? fmt::format("--at mark:{}#{}", label, target.number)
                                         : fmt::format("--at mark:{}", label);
  const std::vector<MarkPoint>& labelled = marks.labelled();
  if (labelled.empty()) {
    if (marks.labels().empty()) {
      throw std::runtime_error(fmt::format("{}: the trace has no marks", at));
    }
    throw std::runtime_error(fmt::format("{}: the trace has no mark labelled {}; its labels: {}",
                                         at, quote(target.label), listed(marks.labels())));
  }
  if (target.numbered) {
    if (target.number > labelled.size()) {
      throw std::runtime_error(fmt::format("{}: the trace has {} labelled {}", at,
                                           plural(labelled.size(), "mark", "marks"),
                                           quote(target.label)));
    }
    return labelled[target.number - 1].event;
  }
  if (labelled.size() == 1) return labelled.front().event;
  // Of an imported log's OBSERVE and HEAPMAP marks, the HEAPMAP one is the map the device printed.
  const auto unobserved = [](const MarkPoint& m) { return !m.observed; };
  if (std::count_if(labelled.begin(), labelled.end(), unobserved) == 1) {
    return std::find_if(labelled.begin(), labelled.end(), unobserved)->event;
  }
  std::vector<std::string> choices;
  for (std::size_t k = 0; k < labelled.size(); ++k) {
    choices.push_back(fmt::format("mark:{}#{} (event {}{})", label, k + 1, labelled[k].event,
                                  labelled[k].observed ? ", observed" : ""));
  }
  throw std::runtime_error(fmt::format("{}: {} marks are labelled {}; say which: {}", at,
                                       labelled.size(), quote(target.label), listed(choices)));
}

}  // namespace

CapturedHeapMap capture_heap_map(const std::string& trace_path, const SettingsForHeader& settings,
                                 const HeapMapTarget& target, ReplayObserver* also) {
  if (target.kind == HeapMapTarget::Kind::mark) {
    MarkLister marks(target.label, also);
    replay_trace(trace_path, settings, nullptr, &marks);
    const std::uint64_t event = resolve_mark(target, marks);
    return replay_to(trace_path, settings, {HeapMapTarget::Kind::event, event, {}}, also);
  }
  if (target.kind != HeapMapTarget::Kind::peak && target.kind != HeapMapTarget::Kind::end) {
    return replay_to(trace_path, settings, target, also);
  }
  ReplayResult first = replay_trace(trace_path, settings, nullptr, also);
  if (first.summary.events == 0) return {first, empty_heap_snapshot(first.layout)};
  const std::uint64_t event = target.kind == HeapMapTarget::Kind::peak ? first.summary.peak_event
                                                                       : first.summary.events - 1;
  return replay_to(trace_path, settings, {HeapMapTarget::Kind::event, event, {}}, also);
}

}  // namespace gcsim
