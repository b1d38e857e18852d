#include "report/replay_text.h"

#include <fmt/ostream.h>

#include "collector/trigger.h"
#include "report/metrics.h"
#include "text/number_format.h"

namespace gcsim {
namespace {

std::string threshold_words(std::int64_t bytes) {
  return bytes < 0 ? std::string("off (-1)")
                   : plural(static_cast<std::uint64_t>(bytes), "byte", "bytes");
}

std::string metric_text(const Metric& m, const MetricValue& v) {
  if (m.unit == "ratio") return percent(as_double(v));
  const std::uint64_t n = std::get<std::uint64_t>(v);
  if (m.unit == "bytes") return fmt::format("{} ({})", plural(n, "byte", "bytes"), human_bytes(n));
  if (m.unit == "blocks") return grouped(n) + " blocks";
  return grouped(n);
}

void print_header(std::ostream& out, const ReplayResult& r, const std::string& path) {
  const Layout& l = r.layout;
  const GeometryParams& p = l.params;
  fmt::print(out, "gcsim replay {} ({}{} events)\n", path,
             r.header.name.empty() ? "" : r.header.name + ", ", grouped(r.summary.events));
  fmt::print(out,
             "heap       {} preset, rules {}: {}-byte heap -> {} blocks x {} B = {} bytes pool\n",
             r.settings.preset, rules_name(p.rules), grouped(p.heap_bytes), grouped(l.pool_blocks),
             p.block_bytes, grouped(l.pool_bytes));
  const std::int64_t requested = r.settings.threshold_bytes;
  fmt::print(out, "threshold  requested {} -> effective {}{}\n", threshold_words(requested),
             threshold_words(effective_threshold_bytes(requested, p.block_bytes)),
             r.settings.start_disabled ? ", gc disabled at start" : "");
}

// The largest device/simulation differences mean nothing without a device observation.
bool is_observe_difference(const Metric& m) { return m.key.starts_with("observe.max_diff"); }

void print_summary(std::ostream& out, const ReplaySummary& s) {
  fmt::print(out, "\nsummary\n");
  for (const Metric& m : replay_metrics()) {
    const std::string value = s.observe_count == 0 && is_observe_difference(m)
                                  ? std::string("- (none observed)")
                                  : metric_text(m, m.value(s));
    fmt::print(out, "  {:<32} {:>28}\n", m.label, value);
  }
}

void print_collections(std::ostream& out, const ReplayResult& r, std::size_t max_rows) {
  if (r.collections.empty()) return;
  const std::uint64_t b = r.layout.params.block_bytes;
  fmt::print(out, "\ncollections ({})\n", grouped(r.collections.size()));
  fmt::print(out, "  {:>9}  {:<9}  {:>23}  {:>8}  {:>8}  {:>23}\n", "event", "cause",
             "mem_alloc before->after", "objects", "blocks", "largest free before->after");
  for (std::size_t i = 0; i < r.collections.size() && i < max_rows; ++i) {
    const CollectionEntry& c = r.collections[i];
    const CollectionRecord& rec = c.record;
    fmt::print(out, "  {:>9}  {:<9}  {:>23}  {:>8}  {:>8}  {:>23}\n", c.event,
               cause_name(rec.cause),
               grouped(rec.used_blocks_before * b) + " -> " + grouped(rec.used_blocks_after * b),
               grouped(std::uint64_t{rec.heads_freed}), grouped(std::uint64_t{rec.blocks_freed}),
               grouped(rec.largest_free_before * b) + " -> " + grouped(rec.largest_free_after * b));
  }
  if (r.collections.size() > max_rows) {
    fmt::print(out, "  ... {} more (--collections FILE writes them all)\n",
               grouped(r.collections.size() - max_rows));
  }
}

void print_failures(std::ostream& out, const ReplayResult& r, std::size_t max_rows) {
  if (r.failures.empty()) return;
  const std::uint64_t b = r.layout.params.block_bytes;
  fmt::print(out, "\nMemoryErrors ({})\n", grouped(r.failures.size()));
  fmt::print(out, "  {:>9}  {:>16}  {:<7}  {:>22}  {:<13}  {:>12}  {:>12}\n", "event", "id", "op",
             "bytes -> blocks", "class", "mem_free", "largest free");
  for (std::size_t i = 0; i < r.failures.size() && i < max_rows; ++i) {
    const FailureRecord& f = r.failures[i];
    fmt::print(out, "  {:>9}  {:>16}  {:<7}  {:>22}  {:<13}  {:>12}  {:>12}\n", f.event, f.id,
               f.realloc ? "realloc" : "alloc",
               grouped(f.size_bytes) + " -> " + grouped(f.n_blocks),
               failure_class_name(f.failure_class), grouped(f.mem_free),
               grouped(f.largest_free_blocks * b));
  }
  if (r.failures.size() > max_rows) {
    fmt::print(out, "  ... {} more (--json FILE lists them all)\n",
               grouped(r.failures.size() - max_rows));
  }
}

void print_observations(std::ostream& out, const ReplayResult& r, std::size_t max_rows) {
  if (r.observations.empty()) return;
  fmt::print(out, "\ndevice observations ({})\n", grouped(r.observations.size()));
  fmt::print(out, "  {:>9}  {:<16}  {:>25}  {:>25}\n", "event", "label", "mem_alloc device / sim",
             "mem_free device / sim");
  auto pair = [](const std::optional<std::int64_t>& device, std::uint64_t sim) {
    return (device ? grouped(*device) : std::string("-")) + " / " + grouped(sim);
  };
  for (std::size_t i = 0; i < r.observations.size() && i < max_rows; ++i) {
    const ObserveEntry& o = r.observations[i];
    fmt::print(out, "  {:>9}  {:<16}  {:>25}  {:>25}\n", o.event, o.label,
               pair(o.device_mem_alloc, o.mem_alloc), pair(o.device_mem_free, o.mem_free));
  }
  if (r.observations.size() > max_rows) {
    fmt::print(out, "  ... {} more (--json FILE lists them all)\n",
               grouped(r.observations.size() - max_rows));
  }
}

}  // namespace

void print_replay_text(std::ostream& out, const ReplayResult& r, const std::string& trace_path,
                       std::size_t max_rows) {
  print_header(out, r, trace_path);
  print_summary(out, r.summary);
  print_collections(out, r, max_rows);
  print_failures(out, r, max_rows);
  print_observations(out, r, max_rows);
}

}  // namespace gcsim
