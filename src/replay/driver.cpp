#include "replay/driver.h"

#include <fmt/format.h>
#include <stdexcept>

#include "replay/recorded_setting.h"
#include "replay/rule_violation.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

class ReplaySink final : public TraceSink {
 public:
  ReplaySink(const std::string& path, const SettingsForHeader& settings_for, SampleSink* samples,
             ReplayObserver* observer)
      : path_(path), settings_for_(settings_for), recorder_(samples), observer_(observer) {}

  void on_header(const TraceHeader& header) override {
    settings_ = settings_for_(header);
    sim_ = std::make_unique<Simulation>(layout_for(settings_.geometry), settings_.bookkeeping);
    sim_->gc().threshold(settings_.threshold_bytes);
    if (settings_.start_disabled) sim_->gc().disable();
  }

  void on_event(const Event& event, const EventPosition& position) override {
    check_event_limit(settings_.limits, path_, position);
    const EventOutcome outcome = apply(event, position);
    check_object_limit(settings_.limits, sim_->program().objects_remembered(), path_, position);
    recorder_.record(event, EventIndex(position.index), outcome, *sim_);
    if (observer_) observer_->after_event(event, position, outcome, *sim_);
  }

  EventOutcome apply(const Event& event, const EventPosition& position) {
    try {
      return sim_->apply(event, EventIndex(position.index));
    } catch (const RuleViolation& v) {
      throw TraceError({.file = path_,
                        .event = position.index,
                        .line = position.line,
                        .rule = v.rule,
                        .detail = v.detail});
    }
  }

  // A trace with no events may never announce its header to the sink.
  void ensure_started(const TraceHeader& header) {
    if (!sim_) on_header(header);
  }
  // The result, once every event went through.
  ReplayResult finish(TraceHeader header);

 private:
  const std::string& path_;
  const SettingsForHeader& settings_for_;
  ReplaySettings settings_;
  std::unique_ptr<Simulation> sim_;
  Recorder recorder_;
  ReplayObserver* observer_;
};

ReplayResult ReplaySink::finish(TraceHeader header) {
  recorder_.finish(*sim_);
  ReplayResult result;
  result.header = std::move(header);
  result.layout = sim_->collector().layout();
  result.settings = settings_;
  result.summary = recorder_.summary();
  result.collections = recorder_.collections();
  result.failures = recorder_.failures();
  result.observations = recorder_.observations();
  return result;
}

}  // namespace

Layout layout_for(const GeometryParams& params) {
  if (params.heap_bytes > kMaxHeapBytes) {
    throw std::invalid_argument(fmt::format("heap size {} bytes is over the {}-byte limit",
                                            params.heap_bytes, kMaxHeapBytes));
  }
  // The settings that cannot make a heap at any size first, named as the user gave them.
  if (params.word_bytes == 0 || params.block_bytes % params.word_bytes != 0) {
    throw std::invalid_argument(
        fmt::format("block size {} bytes is not a multiple of the word size {} bytes",
                    params.block_bytes, params.word_bytes));
  }
  if (params.start_offset >= params.block_bytes) {
    throw std::invalid_argument(
        fmt::format("start offset {} is the heap start modulo the {}-byte block size: 0 to {}",
                    params.start_offset, params.block_bytes, params.block_bytes - 1));
  }
  const auto layout = compute_layout(params);
  if (!layout) {
    throw std::invalid_argument(
        fmt::format("heap size {} byte{} with {}-byte blocks and {}-byte words makes no heap",
                    params.heap_bytes, params.heap_bytes == 1 ? "" : "s", params.block_bytes,
                    params.word_bytes));
  }
  return *layout;
}

ReplayResult replay_trace(const std::string& path, const ReplaySettings& settings,
                          SampleSink* samples, ReplayObserver* observer) {
  return replay_trace(
      path, [&](const TraceHeader&) { return settings; }, samples, observer);
}

ReplayResult replay_trace(const std::string& path, const SettingsForHeader& settings_for,
                          SampleSink* samples, ReplayObserver* observer) {
  ReplaySink sink(path, settings_for, samples, observer);
  ReadResult read = read_trace(path, sink);
  sink.ensure_started(read.header);
  ReplayResult result = sink.finish(std::move(read.header));
  result.warnings = std::move(read.warnings);
  if (const auto warning = liveness_warning(result.header, result.settings)) {
    result.warnings.push_back({fmt::format("{}: {}", path, *warning)});
  }
  return result;
}

ReplayResult replay_events(const EventArray& events, const TraceHeader& header,
                           const ReplaySettings& settings, const std::string& file,
                           SampleSink* samples, ReplayObserver* observer) {
  const SettingsForHeader fixed = [&](const TraceHeader&) { return settings; };
  ReplaySink sink(file, fixed, samples, observer);
  sink.on_header(header);
  Event event;
  for (std::uint64_t i = 0; i < events.size(); ++i) {
    events.load(i, event);
    sink.on_event(event, {i, std::nullopt, 0});
  }
  return sink.finish(header);
}

}  // namespace gcsim
