#include "sweep/sweep_table.h"

#include <fmt/ostream.h>

#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

std::string bytes_or_dash(const std::optional<std::int64_t>& v) { return v ? grouped(*v) : "-"; }
std::string optional_bytes(const std::optional<std::uint64_t>& v) { return v ? grouped(*v) : "-"; }

constexpr std::string_view kRow =
    "  {:1}  {:<9} {:>10} {:>10} {:>11}  {:>22}  {:>20}  {:>14}  {:>15}  {:>10}  {:>13}  {:>10}  "
    "{}\n";

void print_cells(std::ostream& out, const SweepReport& report, std::size_t trace) {
  const SweepResult& r = report.result;
  const SweepTrace& t = r.spec.traces[trace];
  fmt::print(out, "\ntrace {} ({}, {} events, {})\n", t.name, t.file, grouped(t.events), t.preset);
  for (const std::string& w : t.warnings) fmt::print(out, "  warning: {}\n", w);
  fmt::print(out, fmt::runtime(kRow), "", "threshold", "requested", "effective", "heap",
             "collections (thr/oom/ex)", "MemoryErrors (c/f/d)", "peak mem_alloc",
             "lowest free run", "worst frag", "GC work", "est. GC ms", "safe");
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    if (c.coord.trace != trace) continue;
    fmt::print(
        out, fmt::runtime(kRow), recommendation_mark(report, c.index),
        r.spec.thresholds[c.coord.threshold].label(), grouped(c.threshold_requested),
        grouped(c.threshold_effective), grouped(c.heap_bytes),
        fmt::format("{} ({})", grouped(count_of(c, "collections.total")), collections_by_cause(c)),
        fmt::format("{} ({})", grouped(count_of(c, "failures.total")), failures_by_class(c)),
        grouped(count_of(c, "peak_mem_alloc")), grouped(count_of(c, "lowest_max_free")),
        percent(ratio_of(c, "worst_fragmentation")),
        grouped(count_of(c, "gc_work.blocks_marked") + count_of(c, "gc_work.blocks_swept")),
        grouped_decimal(r.spec.cost.milliseconds(gc_cycles(r.spec, c)), 3), safety_word(report, i));
  }
  for (const Recommendation& rec : report.recommendations) {
    if (rec.trace != trace) continue;
    fmt::print(out, "  recommended  {}: {}\n", setting_name(r.spec, cell_with_index(r, rec.best)),
               rec.reason);
    if (rec.runner_up) {
      fmt::print(out, "  runner-up    {}: {}\n",
                 setting_name(r.spec, cell_with_index(r, *rec.runner_up)), rec.runner_up_text);
    }
  }
}

void print_islands(std::ostream& out, const SweepResult& r) {
  bool any = false;
  for (const MinHeapResult& m : r.min_heaps) any = any || !m.islands.empty();
  if (!any) return;
  fmt::print(out, "  islands: heaps below the minimum that pass, larger ones that fail\n");
  for (const MinHeapResult& m : r.min_heaps) {
    if (m.islands.empty()) continue;
    fmt::print(out, "    {} {}:\n", r.spec.traces[m.trace].name,
               r.spec.thresholds[m.threshold].label());
    for (std::size_t i = 0; i < m.islands.size() && i < kIslandsShown; ++i) {
      const HeapRun& run = m.islands[i];
      fmt::print(out, "      {:>23}  {}\n", heap_run_text(run),
                 run.passes ? std::string("pass")
                            : fmt::format("fail: {}", failure_classes_text(run.failures)));
    }
    if (m.islands.size() > kIslandsShown) {
      fmt::print(out, "      ... {} more runs (--json has them all)\n",
                 m.islands.size() - kIslandsShown);
    }
  }
}

void print_min_heaps(std::ostream& out, const SweepResult& r) {
  if (r.min_heaps.empty()) return;
  fmt::print(out,
             "\nminimum heap: the smallest from which every larger heap, up to the bound, replays "
             "with no MemoryError\n  ({})\n",
             min_heap_method_note());
  constexpr std::string_view row =
      "  {:<20} {:<9} {:>13} {:>12} {:>13} {:>14}  {:>15} {:>15}  {:>16} {:>13} {:>8}\n";
  fmt::print(out, fmt::runtime(row), "trace", "threshold", "min heap", "pool blocks",
             "default heap", "below default", "KPU left @min", "KPU left @dflt", "smallest passing",
             "bound", "replays");
  for (const MinHeapResult& m : r.min_heaps) {
    const MinHeapFigures f = min_heap_figures(r.spec, m);
    const std::string heap =
        m.heap_bytes ? grouped(*m.heap_bytes) : "> " + grouped(m.searched_to_bytes);
    fmt::print(out, fmt::runtime(row), r.spec.traces[m.trace].name,
               r.spec.thresholds[m.threshold].label(), heap,
               m.heap_bytes ? grouped(m.pool_blocks) : "-",
               grouped(r.spec.traces[m.trace].geometry.heap_bytes),
               bytes_or_dash(f.below_default_bytes), bytes_or_dash(f.kpu_left_at_min_bytes),
               bytes_or_dash(f.kpu_left_at_default_bytes), optional_bytes(m.smallest_passing_bytes),
               grouped(m.searched_to_bytes), grouped(std::uint64_t{m.replays}));
  }
  const K210Memory& k = r.spec.k210;
  fmt::print(out,
             "  below default = default heap - min heap; KPU left (k210) = {} SRAM - {} firmware - "
             "{} camera"
             " - {} LCD - GC heap\n",
             grouped(k.sram_bytes), grouped(k.firmware_bytes), grouped(k.camera_bytes),
             grouped(k.lcd_bytes));
  print_islands(out, r);
}

void print_gate(std::ostream& out, const SweepReport& report) {
  if (!report.gate) return;
  const Gate& g = *report.gate;
  const SweepResult& r = report.result;
  const GateSettings& s = g.settings;
  fmt::print(out, "\ngate: {}{}{}\n",
             s.baseline_file ? "baseline " + *s.baseline_file : "budgets only",
             g.baseline_missing ? " (missing: allowed)" : "",
             s.tolerance.empty() ? "" : ", tolerance " + s.tolerance);
  for (const std::string& e : g.errors) fmt::print(out, "  FAIL  {}\n", e);
  for (const Check& c : g.checks) {
    if (c.status != CheckStatus::failed) continue;
    std::string where = r.spec.traces[c.trace].name;
    if (c.cell)
      where = fmt::format("{} {}", where, setting_name(r.spec, cell_with_index(r, *c.cell)));
    fmt::print(out, "  FAIL  {}  {}: {}\n", where, c.name, c.message);
  }
  fmt::print(out, "  {}: {} passed, {} failed, {} skipped -> {}\n",
             fmt::format("{} checks", g.checks.size()), g.count(CheckStatus::passed),
             g.count(CheckStatus::failed), g.count(CheckStatus::skipped),
             g.passed() ? "PASS" : "FAIL");
}

}  // namespace

void print_sweep_table(std::ostream& out, const SweepReport& report) {
  const SweepResult& r = report.result;
  fmt::print(out, "gcsim sweep: {}\n{}\n", sweep_headline(r), cost_model_note(r.spec.cost));
  for (std::size_t t = 0; t < r.spec.traces.size(); ++t) print_cells(out, report, t);
  if (r.shard) {
    fmt::print(out, "\nrecommendations: merge every shard first (gcsim merge)\n");
  } else {
    fmt::print(out, "\nrule: {}; * recommended, + runner-up\n", recommendation_rule(r.spec));
  }
  print_min_heaps(out, r);
  print_gate(out, report);
}

}  // namespace gcsim::sweep
