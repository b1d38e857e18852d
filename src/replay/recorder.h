// Recorder: the "record" step. After every applied event it takes the heap's state (O(1) from
// the collector's summaries), passes the sample to an optional sink (CSV writer, chart), and
// keeps what a replay reports: every collection with its cause, every MemoryError with its
// class, the observe comparisons, and the summary totals and extremes. Nothing is sampled
// away: extremes are exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collector/collection.h"
#include "replay/simulation.h"
#include "replay/summary.h"
#include "trace/event.h"

namespace gcsim {

// The heap right after one event.
struct StateSample {
  std::uint64_t event = 0;
  Op op = Op::mark;
  std::uint64_t mem_alloc = 0;  // bytes
  std::uint64_t mem_free = 0;   // bytes
  std::uint64_t max_free = 0;   // bytes in the largest free run
  std::uint32_t free_runs = 0;
  std::uint64_t amount_blocks = 0;  // blocks allocated since the last collection
  std::uint64_t collections = 0;    // so far
};

class SampleSink {
 public:
  virtual ~SampleSink() = default;
  virtual void sample(const StateSample& s) = 0;
};

struct CollectionEntry {
  std::uint64_t event = 0;
  std::uint64_t threshold_blocks = 0;  // Trigger::kDisabled when off
  CollectionRecord record;
};

struct ObserveEntry {
  std::uint64_t event = 0;
  std::string label;  // the last mark before it, if any
  std::optional<std::int64_t> device_mem_alloc, device_mem_free;
  std::uint64_t mem_alloc = 0, mem_free = 0;  // simulated
};

class Recorder {
 public:
  explicit Recorder(SampleSink* sink = nullptr) : sink_(sink) {}

  void record(const Event& e, EventIndex index, const EventOutcome& outcome, const Simulation& sim);
  void finish(const Simulation& sim);

  const ReplaySummary& summary() const { return summary_; }
  const std::vector<CollectionEntry>& collections() const { return collections_; }
  const std::vector<FailureRecord>& failures() const { return failures_; }
  const std::vector<ObserveEntry>& observations() const { return observations_; }

 private:
  void count(const Event& e, const EventOutcome& outcome);
  void track_extremes(const StateSample& s);

  SampleSink* sink_;
  ReplaySummary summary_;
  std::vector<CollectionEntry> collections_;
  std::vector<FailureRecord> failures_;
  std::vector<ObserveEntry> observations_;
  std::string last_mark_;
  // The largest run and free bytes where fragmentation was worst; starts as 1/1 (none).
  struct {
    std::uint64_t max_free = 1, mem_free = 1;
  } worst_ratio_;
  struct {
    EventIndex index;
    Op op = Op::mark;
  } last_event_;
};

// The state after the latest event, as a sample for `index`.
StateSample take_sample(const Simulation& sim, EventIndex index, Op op);

}  // namespace gcsim
