// The per-event state log as CSV, written while the replay runs (one row per event, or every
// K-th event with --every K, and the last event, so that the log ends where the replay did):
//   event,op,mem_alloc,mem_free,max_free,free_runs,collections
// mem_alloc, mem_free and max_free (the largest free run) are bytes; collections is the
// running total. The first four numeric columns match the oracle's per-event files.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>

#include "replay/recorder.h"

namespace gcsim {

inline constexpr const char* kStateCsvHeader =
    "event,op,mem_alloc,mem_free,max_free,free_runs,collections";

class StateCsvWriter final : public SampleSink {
 public:
  StateCsvWriter(std::ostream& out, std::uint64_t every);
  void sample(const StateSample& s) override;
  // After the replay: the last event's row, if --every skipped it.
  void finish();

 private:
  void write_row(const StateSample& s);

  std::ostream& out_;
  std::uint64_t every_;
  std::optional<StateSample> skipped_;  // the latest sample --every left out
};

// Fans one sample stream out to several sinks (CSV, curve, …).
class SampleFanout final : public SampleSink {
 public:
  void add(SampleSink* sink) { sinks_.push_back(sink); }
  void sample(const StateSample& s) override {
    for (SampleSink* sink : sinks_) sink->sample(s);
  }

 private:
  std::vector<SampleSink*> sinks_;
};

}  // namespace gcsim
