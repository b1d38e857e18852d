// Replays a trace and keeps the heap at one HeapMapTarget (target.h). An event or a MemoryError
// is found while the replay runs; the peak, the end and which mark a label names are known only
// once it is over, so for them the trace is replayed twice (the second time to that event).
#pragma once

#include <optional>
#include <string>

#include "replay/driver.h"
#include "report/heap_map/snapshot.h"
#include "report/heap_map/target.h"

namespace gcsim {

// Takes a snapshot right after the event a target of kind event or failure names, then passes
// every event on to `next` (a progress line, another capture) if given.
class HeapMapObserver final : public ReplayObserver {
 public:
  explicit HeapMapObserver(HeapMapTarget target, ReplayObserver* next = nullptr);
  void after_event(const Event& event, const EventPosition& position, const EventOutcome& outcome,
                   const Simulation& sim) override;

  const std::optional<HeapSnapshot>& snapshot() const { return snapshot_; }
  std::uint64_t failures_seen() const { return failures_seen_; }

 private:
  HeapMapTarget target_;
  ReplayObserver* next_;
  std::uint64_t failures_seen_ = 0;
  std::optional<HeapSnapshot> snapshot_;
};

struct CapturedHeapMap {
  ReplayResult result;
  HeapSnapshot snapshot;
};

// Throws what replay_trace throws, and std::runtime_error when the trace has no such point
// (an event past the end, fewer MemoryErrors or marks than asked for, a label no mark has or
// several marks have, each error listing what the trace has).
CapturedHeapMap capture_heap_map(const std::string& trace_path, const SettingsForHeader& settings,
                                 const HeapMapTarget& target, ReplayObserver* also = nullptr);

// The heap before any event: every block FREE.
HeapSnapshot empty_heap_snapshot(const Layout& layout);

}  // namespace gcsim
