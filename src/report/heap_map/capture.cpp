#include "report/heap_map/capture.h"

#include <fmt/format.h>
#include <stdexcept>
#include <utility>

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
      hit = outcome.failure && ++seen_ == target_.number;
      break;
    case HeapMapTarget::Kind::mark:
      hit = event.op == Op::mark && event.text == target_.label && ++seen_ == target_.number;
      break;
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
      return fmt::format("--at fail:{}: the replay had {} MemoryError(s)", target.number,
                         observer.seen());
    case HeapMapTarget::Kind::mark:
      return fmt::format("--at mark:{}#{}: the trace has {} mark(s) labelled '{}'", target.label,
                         target.number, observer.seen(), target.label);
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

}  // namespace

CapturedHeapMap capture_heap_map(const std::string& trace_path, const SettingsForHeader& settings,
                                 const HeapMapTarget& target, ReplayObserver* also) {
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
