#include "replay/recorder.h"

#include <cstdlib>

namespace gcsim {
namespace {

double fragmentation(std::uint64_t max_free, std::uint64_t mem_free) {
  return mem_free == 0 ? 0.0 : 1.0 - static_cast<double>(max_free) / static_cast<double>(mem_free);
}

std::uint64_t abs_diff(std::int64_t device, std::uint64_t simulated) {
  const auto s = static_cast<std::int64_t>(simulated);
  return static_cast<std::uint64_t>(device > s ? device - s : s - device);
}

}  // namespace

StateSample take_sample(const Simulation& sim, EventIndex index, Op op) {
  const Collector& c = sim.collector();
  const FreeSpace space = c.free_space();
  const std::uint64_t b = c.layout().params.block_bytes;
  StateSample s;
  s.event = index.value;
  s.op = op;
  s.mem_free = std::uint64_t{space.free_blocks} * b;
  s.mem_alloc = std::uint64_t{c.table().size() - space.free_blocks} * b;
  s.max_free = std::uint64_t{space.largest_run} * b;
  s.free_runs = space.runs;
  s.amount_blocks = c.trigger().amount_blocks();
  s.collections = c.collections();
  return s;
}

void Recorder::record(const Event& e, EventIndex index, const EventOutcome& outcome,
                      const Simulation& sim) {
  const StateSample s = take_sample(sim, index, e.op);
  if (sink_) sink_->sample(s);
  ++summary_.events;
  last_event_ = {index, e.op};
  count(e, outcome);
  if (outcome.collection) {
    collections_.push_back(
        {index.value, sim.collector().trigger().threshold_blocks(), *outcome.collection});
  }
  if (outcome.failure) failures_.push_back(*outcome.failure);
  if (e.op == Op::mark) last_mark_ = e.text;
  if (e.op == Op::observe) {
    ++summary_.observe_count;
    observations_.push_back(
        {index.value, last_mark_, e.mem_alloc, e.mem_free, s.mem_alloc, s.mem_free});
    if (e.mem_alloc) {
      summary_.observe_max_diff_mem_alloc =
          std::max(summary_.observe_max_diff_mem_alloc, abs_diff(*e.mem_alloc, s.mem_alloc));
    }
    if (e.mem_free) {
      summary_.observe_max_diff_mem_free =
          std::max(summary_.observe_max_diff_mem_free, abs_diff(*e.mem_free, s.mem_free));
    }
  }
  track_extremes(s);
}

void Recorder::count(const Event& e, const EventOutcome& outcome) {
  ReplaySummary& m = summary_;
  if (outcome.skipped) ++m.skipped_events;
  if (e.op == Op::alloc) {
    ++m.allocations;
    if (e.size == 0) ++m.zero_size_allocs;
  }
  if (outcome.placed_head != kNoBlock) {
    m.bytes_requested += e.size;
    m.blocks_requested += outcome.placed_blocks;
  }
  if (outcome.realloc) {
    switch (*outcome.realloc) {
      case ReallocKind::moved:
        ++m.realloc_moved;
        break;
      case ReallocKind::grown_in_place:
        ++m.realloc_grown_in_place;
        break;
      case ReallocKind::shrunk:
        ++m.realloc_shrunk;
        break;
      case ReallocKind::same_blocks:
        ++m.realloc_same_blocks;
        break;
      case ReallocKind::from_null:  // an alloc, counted as one
      case ReallocKind::freed:      // a free
      case ReallocKind::failed:     // a MemoryError, counted as one
        break;
    }
  }
  if (const CollectionRecord* c = outcome.collection) {
    ++m.collections_total;
    switch (c->cause) {
      case CollectionCause::threshold:
        ++m.collections_threshold;
        break;
      case CollectionCause::oom:
        ++m.collections_oom;
        break;
      case CollectionCause::explicit_:
        ++m.collections_explicit;
        break;
    }
    m.gc_work_blocks_marked += c->blocks_marked;
    m.gc_work_blocks_swept += c->blocks_swept;
  }
  if (const FailureRecord* f = outcome.failure) {
    ++m.failures_total;
    ++(f->realloc ? m.failures_realloc : m.failures_alloc);
    switch (f->failure_class) {
      case FailureClass::capacity:
        ++m.failures_capacity;
        break;
      case FailureClass::fragmentation:
        ++m.failures_fragmentation;
        break;
      case FailureClass::disabled:
        ++m.failures_disabled;
        break;
    }
  }
}

void Recorder::track_extremes(const StateSample& s) {
  ReplaySummary& m = summary_;
  if (s.mem_alloc > m.peak_mem_alloc || m.events == 1) {
    m.peak_mem_alloc = s.mem_alloc;
    m.peak_event = s.event;
    m.fragmentation_at_peak = fragmentation(s.max_free, s.mem_free);
  }
  if (s.mem_free < m.lowest_mem_free) {
    m.lowest_mem_free = s.mem_free;
    m.lowest_mem_free_event = s.event;
  }
  if (s.max_free < m.lowest_max_free) {
    m.lowest_max_free = s.max_free;
    m.lowest_max_free_event = s.event;
  }
  // Worse fragmentation is a smaller largest-run / free ratio, compared exactly by cross
  // products (both < 2^32 bytes, so they fit) rather than by a division per event.
  if (s.max_free * worst_ratio_.mem_free < worst_ratio_.max_free * s.mem_free) {
    worst_ratio_ = {s.max_free, s.mem_free};
    m.worst_fragmentation = fragmentation(s.max_free, s.mem_free);
    m.worst_fragmentation_event = s.event;
  }
}

void Recorder::finish(const Simulation& sim) {
  // The state after the last event is the state now: taken once here, not copied per event.
  if (summary_.events > 0) {
    const StateSample s = take_sample(sim, last_event_.index, last_event_.op);
    summary_.final_mem_alloc = s.mem_alloc;
    summary_.final_mem_free = s.mem_free;
    summary_.final_max_free = s.max_free;
    summary_.final_free_runs = s.free_runs;
  }
  summary_.final_live_objects = sim.program().reachable_objects();
}

}  // namespace gcsim
