// ReplaySummary: the totals and extremes of one replay, and the list that declares them. Each
// metric is declared once, in GCSIM_REPLAY_METRICS, with
//
//   member   its field in ReplaySummary, which the Recorder fills
//   initial  its value before the first event
//   key      its dotted key: its place in the JSON summary and its CSV column ("collections.oom")
//   label    how the text report and the HTML table name it
//   kind     counter (adds up over the run) or gauge (a level at one point)
//   unit     count, bytes, blocks, event (an event index) or ratio; a ratio is a double, the
//            others std::uint64_t
//   worse    higher, lower or neither: the direction a baseline gate calls a regression
//
// The struct below and report/metrics.h's table are both made from the list, so a metric added
// here is counted, printed by every reporter (text, JSON, CSV, HTML) and gated by sweeps, and
// nothing can be counted that no report shows. The keys are part of the schemas gcsim-replay/1
// and gcsim-sweep/1: adding, renaming or removing one means a new schema version.
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace gcsim {

enum class MetricKind : std::uint8_t { counter, gauge };
enum class MetricUnit : std::uint8_t { count, bytes, blocks, event, ratio };
// Which direction is worse, for baseline gates.
enum class Worse : std::uint8_t { higher, lower, neither };

template <MetricUnit unit>
using MetricType = std::conditional_t<unit == MetricUnit::ratio, double, std::uint64_t>;

// Where a lowest value starts: above anything a heap can have.
inline constexpr std::uint64_t kNoLowestYet = std::numeric_limits<std::uint64_t>::max();

#define GCSIM_REPLAY_METRICS(X)                                                                    \
  X(events, 0, "events", "events", counter, count, neither)                                        \
  X(allocations, 0, "allocations", "allocations", counter, count, neither)                         \
  X(zero_size_allocs, 0, "zero_size_allocs", "0-byte allocations", counter, count, neither)        \
  X(bytes_requested, 0, "bytes_requested", "bytes requested", counter, bytes, neither)             \
  X(blocks_requested, 0, "blocks_requested", "blocks requested", counter, blocks, neither)         \
  X(skipped_events, 0, "skipped_events", "skipped events", counter, count, neither)                \
  X(collections_total, 0, "collections.total", "collections", counter, count, higher)              \
  X(collections_threshold, 0, "collections.threshold", "  by threshold", counter, count, higher)   \
  X(collections_oom, 0, "collections.oom", "  out of memory", counter, count, higher)              \
  X(collections_explicit, 0, "collections.explicit", "  gc.collect()", counter, count, neither)    \
  X(failures_total, 0, "failures.total", "MemoryErrors", counter, count, higher)                   \
  X(failures_alloc, 0, "failures.alloc", "  in alloc", counter, count, higher)                     \
  X(failures_realloc, 0, "failures.realloc", "  in realloc", counter, count, higher)               \
  X(failures_capacity, 0, "failures.capacity", "  capacity", counter, count, higher)               \
  X(failures_fragmentation, 0, "failures.fragmentation", "  fragmentation", counter, count,        \
    higher)                                                                                        \
  X(failures_disabled, 0, "failures.disabled", "  gc disabled", counter, count, higher)            \
  X(realloc_moved, 0, "realloc.moved", "reallocs moved", counter, count, neither)                  \
  X(realloc_grown_in_place, 0, "realloc.grown_in_place", "reallocs grown in place", counter,       \
    count, neither)                                                                                \
  X(realloc_shrunk, 0, "realloc.shrunk", "reallocs shrunk", counter, count, neither)               \
  X(realloc_same_blocks, 0, "realloc.same_blocks", "reallocs within their blocks", counter, count, \
    neither)                                                                                       \
  X(peak_mem_alloc, 0, "peak_mem_alloc", "peak mem_alloc", gauge, bytes, higher)                   \
  X(peak_event, 0, "peak_event", "  at event", gauge, event, neither)                              \
  X(lowest_mem_free, kNoLowestYet, "lowest_mem_free", "lowest mem_free", gauge, bytes, lower)      \
  X(lowest_mem_free_event, 0, "lowest_mem_free_event", "  at event", gauge, event, neither)        \
  X(lowest_max_free, kNoLowestYet, "lowest_max_free", "lowest largest free run", gauge, bytes,     \
    lower)                                                                                         \
  X(lowest_max_free_event, 0, "lowest_max_free_event", "  at event", gauge, event, neither)        \
  X(fragmentation_at_peak, 0, "fragmentation_at_peak", "fragmentation at peak", gauge, ratio,      \
    higher)                                                                                        \
  X(worst_fragmentation, 0, "worst_fragmentation", "worst fragmentation", gauge, ratio, higher)    \
  X(worst_fragmentation_event, 0, "worst_fragmentation_event", "  at event", gauge, event,         \
    neither)                                                                                       \
  X(gc_work_blocks_marked, 0, "gc_work.blocks_marked", "blocks marked", counter, blocks, higher)   \
  X(gc_work_blocks_swept, 0, "gc_work.blocks_swept", "blocks swept", counter, blocks, higher)      \
  X(final_mem_alloc, 0, "final.mem_alloc", "final mem_alloc", gauge, bytes, neither)               \
  X(final_mem_free, 0, "final.mem_free", "final mem_free", gauge, bytes, neither)                  \
  X(final_max_free, 0, "final.max_free", "final largest free run", gauge, bytes, neither)          \
  X(final_free_runs, 0, "final.free_runs", "final free runs", gauge, count, neither)               \
  X(final_live_objects, 0, "final.live_objects", "final live objects", gauge, count, neither)      \
  X(observe_count, 0, "observe.count", "device observations", counter, count, neither)             \
  X(observe_max_diff_mem_alloc, 0, "observe.max_diff_mem_alloc", "  largest mem_alloc difference", \
    gauge, bytes, higher)                                                                          \
  X(observe_max_diff_mem_free, 0, "observe.max_diff_mem_free", "  largest mem_free difference",    \
    gauge, bytes, higher)

// The metrics' members, each at its initial value. Fragmentation is 1 − largest free run /
// free bytes; "at event" members hold the first event where the value before them was reached;
// "final" ones the state after the last event; allocations count alloc events applied (size 0
// included), bytes and blocks requested those of successful allocs and reallocs, skipped events
// the events naming an object whose allocation failed.
struct ReplaySummary {
#define GCSIM_SUMMARY_MEMBER(member, initial, key, label, kind, unit, worse) \
  MetricType<MetricUnit::unit> member = initial;
  GCSIM_REPLAY_METRICS(GCSIM_SUMMARY_MEMBER)
#undef GCSIM_SUMMARY_MEMBER
};

}  // namespace gcsim
