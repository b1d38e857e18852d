// The per-event state log as CSV, written while the replay runs (one row per event, or every
// K-th event with --every K, and the last event, so that the log ends where the replay did):
//   event,op,mem_alloc,mem_free,max_free,free_runs,collections
// mem_alloc, mem_free and max_free (the largest free run) are bytes; collections is the
// running total. The first four numeric columns match the oracle's per-event files.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

#include "replay/recorder.h"

namespace gcsim {

inline constexpr const char* kStateCsvHeader =
    "event,op,mem_alloc,mem_free,max_free,free_runs,collections";

class StateCsvWriter final : public SampleSink {
 public:
  StateCsvWriter(std::ostream& out, std::uint64_t every);
  void sample(const StateSample& s) override;
  // After the replay: the last event's row, if --every skipped it, and every row still held
  // in the buffer, written to the stream.
  void finish();

 private:
  // A number column's last value and its digits: most rows repeat most columns (collections,
  // the largest free run, often the run count) and count the event up by one, so a row copies
  // or increments digits instead of formatting six numbers.
  struct Column {
    std::uint64_t value = 0;
    std::array<char, 20> digits{};
    std::uint8_t size = 0;  // 0: nothing formatted yet
  };

  void write_row(const StateSample& s);
  static char* put(char* at, Column& column, std::uint64_t n);
  static char* put_next(char* at, Column& column, std::uint64_t n);
  void flush();

  std::ostream& out_;
  std::uint64_t every_;
  std::optional<StateSample> skipped_;  // the latest sample --every left out
  std::array<Column, 6> columns_;  // event, mem_alloc, mem_free, max_free, free_runs, collections
  std::vector<char> buffer_;       // rows not yet written to out_
  std::size_t used_ = 0;
};

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
