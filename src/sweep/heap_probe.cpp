#include "sweep/heap_probe.h"

#include <algorithm>

#include "replay/rule_violation.h"
#include "replay/simulation.h"
#include "trace/trace_error.h"

namespace gcsim::sweep {

TraceRequests::TraceRequests(const EventArray& events, std::uint32_t block_bytes) {
  const std::uint64_t steps = (events.size() + kStep - 1) / kStep;
  from_step_.assign(steps + 1, 0);
  Event e;
  for (std::uint64_t i = events.size(); i-- > 0;) {
    events.load(i, e);
    const bool asks = e.op == Op::alloc || e.op == Op::realloc;
    const std::uint64_t n_blocks = asks ? e.size / block_bytes + (e.size % block_bytes != 0) : 0;
    largest_blocks_ = std::max(largest_blocks_, n_blocks);
    from_step_[i / kStep] += n_blocks;
  }
  for (std::uint64_t k = steps; k-- > 0;) from_step_[k] += from_step_[k + 1];
}

HeapProbe probe_heap(const TraceEvents& trace, const ReplaySettings& settings,
                     const std::string& file, const TraceRequests* requests) {
  // The loop of replay_events (replay/driver.cpp) without the recorder: the probe needs the
  // outcome of each event, not the summary.
  Simulation sim(layout_for(settings.geometry), settings.bookkeeping);
  sim.gc().threshold(settings.threshold_bytes);
  if (settings.start_disabled) sim.gc().disable();
  HeapProbe probe;
  Event event;
  for (std::uint64_t i = 0; i < trace.events.size(); ++i) {
    trace.events.load(i, event);
    const EventPosition position{i, std::nullopt, 0};
    check_event_limit(settings.limits, file, position);
    EventOutcome outcome;
    try {
      outcome = sim.apply(event, EventIndex{i});
    } catch (const RuleViolation& v) {
      throw TraceError(
          {.file = file, .event = i, .line = std::nullopt, .rule = v.rule, .detail = v.detail});
    }
    check_object_limit(settings.limits, sim.program().objects_remembered(), file, position);
    if (outcome.placed_head != kNoBlock) {
      probe.high_water_blocks =
          std::max(probe.high_water_blocks, outcome.placed_head.value + outcome.placed_blocks);
    }
    if (outcome.collection) {
      // Right after a collection the heap holds exactly what the trace reaches (the program's
      // state before any MemoryError is the same on every heap); the allocation that asked for
      // the collection needs its blocks beside it.
      const bool asks = event.op == Op::alloc || event.op == Op::realloc;
      const std::uint64_t request = asks ? sim.collector().blocks_for(event.size) : 0;
      probe.need_blocks =
          std::max(probe.need_blocks, outcome.collection->used_blocks_after + request);
    }
    if (outcome.failure) {
      probe.passed = false;
      probe.failure_class = outcome.failure->failure_class;
      probe.failure_event = i;
      return probe;
    }
    const std::uint64_t next = i + 1;
    if (requests && next % TraceRequests::kStep == 0 && next < trace.events.size()) {
      const std::uint64_t to_come = requests->blocks_from_step(next / TraceRequests::kStep);
      if (sim.collector().table().largest_free_run() >= to_come) {
        probe.passed_early = true;
        probe.cover_blocks = probe.high_water_blocks + to_come;
        return probe;
      }
    }
  }
  probe.cover_blocks = probe.high_water_blocks;
  return probe;
}

}  // namespace gcsim::sweep
