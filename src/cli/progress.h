// A progress line on stderr for replays that run longer than a second, when stderr is a
// terminal and --quiet is not given: events so far, events per second and the share of the
// file read, redrawn in place a few times a second and erased at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

#include "replay/driver.h"
#include "sweep/runner.h"

namespace gcsim::cli {

class Progress final : public ReplayObserver {
 public:
  // `file_bytes`: the trace's size on disk (0 if unknown: no percentage).
  Progress(bool enabled, std::uint64_t file_bytes);
  ~Progress() override { clear(); }
  // Erases the line, if drawn: called when the replay ends, before anything else is printed.
  void clear();
  void after_event(const Event&, const EventPosition& position, const EventOutcome&,
                   const Simulation&) override;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::uint64_t file_bytes_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

// The same for a sweep: cells replayed, safety margins and minimum heaps searched, and the
// replays of their heap scans, redrawn from the worker threads (one at a time, a few times a
// second) once the sweep has run for a second.
class SweepProgressLine final : public sweep::SweepProgress {
 public:
  explicit SweepProgressLine(bool enabled);
  ~SweepProgressLine() override { clear(); }
  void tick(const sweep::SweepCounters& counters) override;
  void clear();  // erases the line, if drawn

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::mutex mutex_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

}  // namespace gcsim::cli
