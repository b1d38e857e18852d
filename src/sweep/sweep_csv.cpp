#include "sweep/sweep_csv.h"

#include <fmt/ostream.h>

namespace gcsim::sweep {
namespace {

// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void write_sweep_csv(std::ostream& out, const SweepReport& report) {
  const SweepResult& r = report.result;
  out << "index,trace,threshold,heap,threshold_requested,threshold_effective,heap_bytes,pool_"
         "blocks,pool_bytes";
  for (const Metric& m : replay_metrics()) out << ',' << m.key;
  out << ",gc_cycles,gc_time_ms,margin_holds,safety,recommended\n";
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    fmt::print(
        out, "{},{},{},{},{},{},{},{},{}", c.index, csv_field(r.spec.traces[c.coord.trace].name),
        r.spec.thresholds[c.coord.threshold].label(), r.spec.heap_sizes[c.coord.heap].label(),
        c.threshold_requested, c.threshold_effective, c.heap_bytes, c.pool_blocks, c.pool_bytes);
    for (const MetricValue& v : c.metrics) {
      std::visit([&](auto x) { fmt::print(out, ",{}", x); }, v);
    }
    const std::uint64_t cycles = gc_cycles(r.spec, c);
    const std::string_view mark = recommendation_mark(report, c.index);
    fmt::print(out, ",{},{},{},{},{}\n", cycles, r.spec.cost.milliseconds(cycles),
               c.margin ? (c.margin->holds ? "true" : "false") : "",
               report.safety.empty() ? "" : safety_name(report.safety[i].safety),
               mark == "*"   ? "best"
               : mark == "+" ? "runner_up"
                             : "");
  }
}

}  // namespace gcsim::sweep
