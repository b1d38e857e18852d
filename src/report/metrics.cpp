#include "report/metrics.h"

#include <array>

namespace gcsim {
namespace {

using S = ReplaySummary;
constexpr auto C = MetricKind::counter;
constexpr auto G = MetricKind::gauge;
constexpr auto H = Worse::higher;
constexpr auto L = Worse::lower;
constexpr auto N = Worse::neither;

const std::array kMetrics = std::to_array<Metric>({
    {"events", "events", C, "count", N, [](const S& s) -> MetricValue { return s.events; }},
    {"allocations", "allocations", C, "count", N,
     [](const S& s) -> MetricValue { return s.allocations; }},
    {"zero_size_allocs", "0-byte allocations", C, "count", N,
     [](const S& s) -> MetricValue { return s.zero_size_allocs; }},
    {"bytes_requested", "bytes requested", C, "bytes", N,
     [](const S& s) -> MetricValue { return s.bytes_requested; }},
    {"blocks_requested", "blocks requested", C, "blocks", N,
     [](const S& s) -> MetricValue { return s.blocks_requested; }},
    {"skipped_events", "skipped events", C, "count", N,
     [](const S& s) -> MetricValue { return s.skipped_events; }},
    {"collections.total", "collections", C, "count", H,
     [](const S& s) -> MetricValue { return s.collections_total; }},
    {"collections.threshold", "  by threshold", C, "count", H,
     [](const S& s) -> MetricValue { return s.collections_threshold; }},
    {"collections.oom", "  out of memory", C, "count", H,
     [](const S& s) -> MetricValue { return s.collections_oom; }},
    {"collections.explicit", "  gc.collect()", C, "count", N,
     [](const S& s) -> MetricValue { return s.collections_explicit; }},
    {"failures.total", "MemoryErrors", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_total; }},
    {"failures.alloc", "  in alloc", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_alloc; }},
    {"failures.realloc", "  in realloc", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_realloc; }},
    {"failures.capacity", "  capacity", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_capacity; }},
    {"failures.fragmentation", "  fragmentation", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_fragmentation; }},
    {"failures.disabled", "  gc disabled", C, "count", H,
     [](const S& s) -> MetricValue { return s.failures_disabled; }},
    {"realloc.moved", "reallocs moved", C, "count", N,
     [](const S& s) -> MetricValue { return s.realloc_moved; }},
    {"realloc.grown_in_place", "reallocs grown in place", C, "count", N,
     [](const S& s) -> MetricValue { return s.realloc_grown; }},
    {"realloc.shrunk", "reallocs shrunk", C, "count", N,
     [](const S& s) -> MetricValue { return s.realloc_shrunk; }},
    {"realloc.same_blocks", "reallocs within their blocks", C, "count", N,
     [](const S& s) -> MetricValue { return s.realloc_same; }},
    {"peak_mem_alloc", "peak mem_alloc", G, "bytes", H,
     [](const S& s) -> MetricValue { return s.peak_mem_alloc.value; }},
    {"peak_event", "  at event", G, "event", N,
     [](const S& s) -> MetricValue { return s.peak_mem_alloc.event; }},
    {"lowest_mem_free", "lowest mem_free", G, "bytes", L,
     [](const S& s) -> MetricValue { return s.lowest_mem_free.value; }},
    {"lowest_mem_free_event", "  at event", G, "event", N,
     [](const S& s) -> MetricValue { return s.lowest_mem_free.event; }},
    {"lowest_max_free", "lowest largest free run", G, "bytes", L,
     [](const S& s) -> MetricValue { return s.lowest_max_free.value; }},
    {"lowest_max_free_event", "  at event", G, "event", N,
     [](const S& s) -> MetricValue { return s.lowest_max_free.event; }},
    {"fragmentation_at_peak", "fragmentation at peak", G, "ratio", H,
     [](const S& s) -> MetricValue { return s.fragmentation_at_peak; }},
    {"worst_fragmentation", "worst fragmentation", G, "ratio", H,
     [](const S& s) -> MetricValue { return s.worst_fragmentation; }},
    {"worst_fragmentation_event", "  at event", G, "event", N,
     [](const S& s) -> MetricValue { return s.worst_fragmentation_event; }},
    {"gc_work.blocks_marked", "blocks marked", C, "blocks", H,
     [](const S& s) -> MetricValue { return s.blocks_marked; }},
    {"gc_work.blocks_swept", "blocks swept", C, "blocks", H,
     [](const S& s) -> MetricValue { return s.blocks_swept; }},
    {"final.mem_alloc", "final mem_alloc", G, "bytes", N,
     [](const S& s) -> MetricValue { return s.final_state.mem_alloc; }},
    {"final.mem_free", "final mem_free", G, "bytes", N,
     [](const S& s) -> MetricValue { return s.final_state.mem_free; }},
    {"final.max_free", "final largest free run", G, "bytes", N,
     [](const S& s) -> MetricValue { return s.final_state.max_free; }},
    {"final.free_runs", "final free runs", G, "count", N,
     [](const S& s) -> MetricValue { return std::uint64_t{s.final_state.free_runs}; }},
    {"final.live_objects", "final live objects", G, "count", N,
     [](const S& s) -> MetricValue { return s.live_objects_at_end; }},
    {"observe.count", "device observations", C, "count", N,
     [](const S& s) -> MetricValue { return s.observe_count; }},
    {"observe.max_diff_mem_alloc", "  largest mem_alloc difference", G, "bytes", H,
     [](const S& s) -> MetricValue { return s.observe_max_diff_mem_alloc; }},
    {"observe.max_diff_mem_free", "  largest mem_free difference", G, "bytes", H,
     [](const S& s) -> MetricValue { return s.observe_max_diff_mem_free; }},
});

}  // namespace

std::span<const Metric> replay_metrics() { return kMetrics; }

const Metric* find_metric(std::string_view key) {
  for (const Metric& m : kMetrics) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

double as_double(const MetricValue& v) {
  return std::visit([](auto x) { return static_cast<double>(x); }, v);
}

}  // namespace gcsim
