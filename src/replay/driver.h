// The replay driver: read → check → apply → record, one event at a time. The reader streams
// checked events, so the trace's length costs no memory; what a replay keeps grows with the
// objects the program remembers (replay_limits.h) and the Recorder's log, one record per
// collection, MemoryError and observation. The Simulation applies each event to the program
// model and the collector; the Recorder keeps what the reports need. A rule broken
// by the program state (id reused, dead id, …) becomes a TraceError naming the file, the event
// and its line.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "heap/geometry.h"
#include "replay/recorder.h"
#include "replay/replay_limits.h"
#include "replay/simulation.h"
#include "trace/reader.h"

namespace gcsim {

struct ReplaySettings {
  std::string preset;  // the preset the geometry came from, for reports
  GeometryParams geometry;
  std::int64_t threshold_bytes = -1;  // gc.threshold() before the first event; −1 = off
  bool start_disabled = false;        // gc.disable() before the first event
  Bookkeeping bookkeeping = Bookkeeping::indexed;  // reference: gc.c's own scans (slow)
  ReplayLimits limits;
};

// Sees every event after it was applied: for tests, invariant checks and heap maps.
class ReplayObserver {
 public:
  virtual ~ReplayObserver() = default;
  virtual void after_event(const Event& event, const EventPosition& position,
                           const EventOutcome& outcome, const Simulation& sim) = 0;
};

struct ReplayResult {
  TraceHeader header;
  Layout layout;
  ReplaySettings settings;
  ReplaySummary summary;
  std::vector<CollectionEntry> collections;
  std::vector<FailureRecord> failures;
  std::vector<ObserveEntry> observations;
  std::vector<TraceWarning> warnings;
};

// Chooses the settings once the trace's header is read (its `geometry` is a hint the command
// line may override).
using SettingsForHeader = std::function<ReplaySettings(const TraceHeader&)>;

// Throws TraceError for an unreadable or broken trace, std::invalid_argument for settings that
// make no heap.
ReplayResult replay_trace(const std::string& path, const SettingsForHeader& settings,
                          SampleSink* samples = nullptr, ReplayObserver* observer = nullptr);
ReplayResult replay_trace(const std::string& path, const ReplaySettings& settings,
                          SampleSink* samples = nullptr, ReplayObserver* observer = nullptr);

// Replays events already in memory (a sweep parses a trace once and replays it per cell).
// `file` names the trace in errors.
ReplayResult replay_events(const EventArray& events, const TraceHeader& header,
                           const ReplaySettings& settings, const std::string& file,
                           SampleSink* samples = nullptr, ReplayObserver* observer = nullptr);

// The layout for the settings, or std::invalid_argument naming what is wrong.
Layout layout_for(const GeometryParams& params);

}  // namespace gcsim
