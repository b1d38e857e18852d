#include "report/replay_text.h"

#include <fmt/ostream.h>
#include <algorithm>
#include <utility>
#include <vector>

#include "collector/trigger.h"
#include "report/metrics.h"
#include "text/number_format.h"
#include "text/text_table.h"
#include "text/text_wrap.h"

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

// "head tail" on one line when it fits the width, else the tail folded under the head's text.
void print_folded(std::ostream& out, const TerminalStyle& style, const std::string& head,
                  const std::string& tail) {
  const std::size_t hang = 11;  // under the text after "heap       "
  if (head.size() + 1 + tail.size() <= style.width) {
    out << head << ' ' << tail << '\n';
    return;
  }
  out << head << '\n' << wrap_text(std::string(hang, ' ') + tail, style.width, hang);
}

void print_header(std::ostream& out, const ReplayResult& r, const std::string& path,
                  const TerminalStyle& style) {
  const Layout& l = r.layout;
  const GeometryParams& p = l.params;
  print_folded(out, style, "gcsim replay " + path,
               fmt::format("({}{} events)", r.header.name.empty() ? "" : r.header.name + ", ",
                           grouped(r.summary.events)));
  print_folded(
      out, style,
      fmt::format("heap       {} preset, rules {}:", r.settings.preset, rules_name(p.rules)),
      fmt::format("{}-byte heap -> {} blocks x {} B = {} bytes pool", grouped(p.heap_bytes),
                  grouped(l.pool_blocks), p.block_bytes, grouped(l.pool_bytes)));
  const std::int64_t requested = r.settings.threshold_bytes;
  print_folded(out, style, "threshold  requested " + threshold_words(requested),
               fmt::format("-> effective {}{}",
                           threshold_words(effective_threshold_bytes(requested, p.block_bytes)),
                           r.settings.start_disabled ? ", gc disabled at start" : ""));
}

// The largest device/simulation differences mean nothing without a device observation.
bool is_observe_difference(const Metric& m) { return m.key.starts_with("observe.max_diff"); }

// A line per metric, its value right-aligned; where the width is too narrow for the two side by
// side, the value goes on a line of its own, still right-aligned.
void print_summary(std::ostream& out, const ReplaySummary& s, const TerminalStyle& style) {
  fmt::print(out, "\nsummary\n");
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t label_width = 0, value_width = 0;
  for (const Metric& m : replay_metrics()) {
    std::string value = s.observe_count == 0 && is_observe_difference(m)
                            ? std::string("- (none observed)")
                            : metric_text(m, m.value(s));
    label_width = std::max(label_width, m.label.size());
    value_width = std::max(value_width, value.size());
    if (m.key == "failures.total" && s.failures_total > 0) value = paint(style, Color::red, value);
    rows.emplace_back(std::string(m.label), std::move(value));
  }
  const std::size_t right = std::min(style.width, 2 + label_width + 2 + value_width);
  for (const auto& [label, value] : rows) {
    const std::size_t value_columns = visible_width(value);
    if (2 + label.size() + 2 + value_columns > right) {
      fmt::print(out, "  {}\n", label);
      fmt::print(out, "{}{}\n", std::string(right - std::min(right, value_columns), ' '), value);
    } else {
      fmt::print(out, "  {}{}{}\n", label,
                 std::string(right - 2 - label.size() - value_columns, ' '), value);
    }
  }
}

void print_collections(std::ostream& out, const ReplayResult& r, const TerminalStyle& style,
                       std::size_t max_rows) {
  if (r.collections.empty()) return;
  const std::uint64_t b = r.layout.params.block_bytes;
  fmt::print(out, "\ncollections ({})\n", grouped(r.collections.size()));
  TextTable table({{"event"},
                   {"cause", Align::left},
                   {"mem_alloc\nbefore -> after"},
                   {"objects\nfreed", Align::right, 2},
                   {"blocks\nfreed", Align::right, 3},
                   {"largest free run\nbefore -> after", Align::right, 1}});
  for (std::size_t i = 0; i < r.collections.size() && i < max_rows; ++i) {
    const CollectionEntry& c = r.collections[i];
    const CollectionRecord& rec = c.record;
    table.add_row(
        {std::to_string(c.event), std::string(cause_name(rec.cause)),
         grouped(rec.used_blocks_before * b) + " -> " + grouped(rec.used_blocks_after * b),
         grouped(std::uint64_t{rec.heads_freed}), grouped(std::uint64_t{rec.blocks_freed}),
         grouped(rec.largest_free_before * b) + " -> " + grouped(rec.largest_free_after * b)});
  }
  table.print(out, style, "--collections FILE has them");
  if (r.collections.size() > max_rows) {
    fmt::print(out, "  ... {} more (--collections FILE writes them all)\n",
               grouped(r.collections.size() - max_rows));
  }
}

void print_failures(std::ostream& out, const ReplayResult& r, const TerminalStyle& style,
                    std::size_t max_rows) {
  if (r.failures.empty()) return;
  const std::uint64_t b = r.layout.params.block_bytes;
  fmt::print(
      out, "\n{}\n",
      paint(style, Color::red, fmt::format("MemoryErrors ({})", grouped(r.failures.size()))));
  TextTable table({{"event"},
                   {"id", Align::right, 2},
                   {"op", Align::left, 3},
                   {"bytes -> blocks"},
                   {"class", Align::left},
                   {"mem_free", Align::right, 1},
                   {"largest\nfree run", Align::right, 1}});
  for (std::size_t i = 0; i < r.failures.size() && i < max_rows; ++i) {
    const FailureRecord& f = r.failures[i];
    table.add_row({std::to_string(f.event), std::to_string(f.id), f.realloc ? "realloc" : "alloc",
                   grouped(f.size_bytes) + " -> " + grouped(f.n_blocks),
                   std::string(failure_class_name(f.failure_class)), grouped(f.mem_free),
                   grouped(f.largest_free_blocks * b)});
  }
  table.print(out, style, "--json FILE has them");
  if (r.failures.size() > max_rows) {
    fmt::print(out, "  ... {} more (--json FILE lists them all)\n",
               grouped(r.failures.size() - max_rows));
  }
}

void print_observations(std::ostream& out, const ReplayResult& r, const TerminalStyle& style,
                        std::size_t max_rows) {
  if (r.observations.empty()) return;
  fmt::print(out, "\ndevice observations ({})\n", grouped(r.observations.size()));
  TextTable table({{"event"},
                   {"label", Align::left, 1},
                   {"mem_alloc\ndevice / sim"},
                   {"mem_free\ndevice / sim"}});
  auto pair = [](const std::optional<std::int64_t>& device, std::uint64_t sim) {
    return (device ? grouped(*device) : std::string("-")) + " / " + grouped(sim);
  };
  for (std::size_t i = 0; i < r.observations.size() && i < max_rows; ++i) {
    const ObserveEntry& o = r.observations[i];
    table.add_row({std::to_string(o.event), o.label, pair(o.device_mem_alloc, o.mem_alloc),
                   pair(o.device_mem_free, o.mem_free)});
  }
  table.print(out, style, "--json FILE has them");
  if (r.observations.size() > max_rows) {
    fmt::print(out, "  ... {} more (--json FILE lists them all)\n",
               grouped(r.observations.size() - max_rows));
  }
}

}  // namespace

void print_replay_text(std::ostream& out, const ReplayResult& r, const std::string& trace_path,
                       const TerminalStyle& style, std::size_t max_rows) {
  print_header(out, r, trace_path, style);
  print_summary(out, r.summary, style);
  print_collections(out, r, style, max_rows);
  print_failures(out, r, style, max_rows);
  print_observations(out, r, style, max_rows);
}

}  // namespace gcsim
