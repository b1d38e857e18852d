#include "sweep/sweep_table.h"

#include <fmt/ostream.h>

#include "text/number_format.h"
#include "text/text_table.h"
#include "text/text_wrap.h"

namespace gcsim::sweep {
namespace {

std::string bytes_or_dash(const std::optional<std::int64_t>& v) { return v ? grouped(*v) : "-"; }
std::string optional_bytes(const std::optional<std::uint64_t>& v) { return v ? grouped(*v) : "-"; }

// One printed line, folded to the width; its continuations start `hang` columns in.
void print_line(std::ostream& out, const TerminalStyle& style, const std::string& text,
                std::size_t hang) {
  out << wrap_text(text, style.width, hang);
}

std::string painted_safety(const TerminalStyle& style, std::string_view word) {
  if (word.empty()) return "";
  return paint(style, word == "yes" ? Color::green : Color::red, word);
}

// At 80 columns the table keeps the setting, heap, collections, MemoryErrors, peak, est. GC ms
// and whether it is safe; the drop ranks say what goes first below ~125 columns.
TextTable cells_table() {
  return TextTable({{"", Align::left},
                    {"threshold", Align::left},
                    {"requested", Align::right, 6},
                    {"effective", Align::right, 4},
                    {"heap"},
                    {"collections\n(thr/oom/ex)", Align::right, 1},
                    {"MemoryErrors\n(c/f/d)"},
                    {"peak\nmem_alloc", Align::right, 2},
                    {"lowest\nfree run", Align::right, 3},
                    {"worst\nfrag", Align::right, 3},
                    {"GC work\n(blocks)", Align::right, 5},
                    {"est. GC\nms", Align::right, 2},
                    {"safe", Align::left}},
                   2, 3);
}

void print_cells(std::ostream& out, const SweepReport& report, std::size_t trace,
                 const TerminalStyle& style) {
  const SweepResult& r = report.result;
  const SweepTrace& t = r.spec.traces[trace];
  out << '\n';
  print_line(
      out, style,
      fmt::format("trace {} ({}, {} events, {})", t.name, t.file, grouped(t.events), t.preset), 2);
  for (const std::string& w : t.warnings) {
    print_line(out, style, fmt::format("  {} {}", paint(style, Color::yellow, "warning:"), w), 4);
  }
  TextTable table = cells_table();
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    if (c.coord.trace != trace) continue;
    const std::uint64_t failures = count_of(c, "failures.total");
    const std::string failure_text =
        fmt::format("{} ({})", grouped(failures), failures_by_class(c));
    table.add_row(
        {std::string(recommendation_mark(report, c.index)),
         r.spec.thresholds[c.coord.threshold].label(), grouped(c.threshold_requested),
         grouped(c.threshold_effective), grouped(c.heap_bytes),
         fmt::format("{} ({})", grouped(count_of(c, "collections.total")), collections_by_cause(c)),
         failures > 0 ? paint(style, Color::red, failure_text) : failure_text,
         grouped(count_of(c, "peak_mem_alloc")), grouped(count_of(c, "lowest_max_free")),
         percent(ratio_of(c, "worst_fragmentation")),
         grouped(count_of(c, "gc_work.blocks_marked") + count_of(c, "gc_work.blocks_swept")),
         grouped_decimal(r.spec.cost.milliseconds(gc_cycles(r.spec, c)), 3),
         painted_safety(style, safety_word(report, i))});
  }
  table.print(out, style, "--csv FILE or --json FILE has them");
  for (const Recommendation& rec : report.recommendations) {
    if (rec.trace != trace) continue;
    print_line(out, style,
               fmt::format("  recommended  {}: {}",
                           setting_name(r.spec, cell_with_index(r, rec.best)), rec.reason),
               15);
    if (rec.runner_up) {
      print_line(
          out, style,
          fmt::format("  runner-up    {}: {}",
                      setting_name(r.spec, cell_with_index(r, *rec.runner_up)), rec.runner_up_text),
          15);
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

void print_min_heaps(std::ostream& out, const SweepResult& r, const TerminalStyle& style) {
  if (r.min_heaps.empty()) return;
  out << '\n';
  print_line(out, style,
             "minimum heap: the smallest from which every larger heap, up to the bound, replays "
             "with no MemoryError",
             2);
  print_line(out, style, fmt::format("  ({})", min_heap_method_note()), 3);
  TextTable table({{"trace", Align::left},
                   {"threshold", Align::left},
                   {"min heap"},
                   {"pool\nblocks", Align::right, 5},
                   {"default\nheap", Align::right, 2},
                   {"below\ndefault", Align::right, 1},
                   {"KPU left\n@min", Align::right, 3},
                   {"KPU left\n@dflt", Align::right, 4},
                   {"smallest\npassing", Align::right, 2},
                   {"bound", Align::right, 5},
                   {"replays", Align::right, 6}},
                  2, 2);
  for (const MinHeapResult& m : r.min_heaps) {
    const MinHeapFigures f = min_heap_figures(r.spec, m);
    table.add_row({r.spec.traces[m.trace].name, r.spec.thresholds[m.threshold].label(),
                   m.heap_bytes ? grouped(*m.heap_bytes) : "> " + grouped(m.searched_to_bytes),
                   m.heap_bytes ? grouped(m.pool_blocks) : "-",
                   grouped(r.spec.traces[m.trace].geometry.heap_bytes),
                   bytes_or_dash(f.below_default_bytes), bytes_or_dash(f.kpu_left_at_min_bytes),
                   bytes_or_dash(f.kpu_left_at_default_bytes),
                   optional_bytes(m.smallest_passing_bytes), grouped(m.searched_to_bytes),
                   grouped(std::uint64_t{m.replays})});
  }
  table.print(out, style, "--json FILE has them");
  const K210Memory& k = r.spec.k210;
  print_line(out, style,
             fmt::format("  below default = default heap - min heap; KPU left (k210) = {} SRAM - "
                         "{} firmware - {} camera - {} LCD - GC heap",
                         grouped(k.sram_bytes), grouped(k.firmware_bytes), grouped(k.camera_bytes),
                         grouped(k.lcd_bytes)),
             4);
  print_islands(out, r);
}

void print_gate(std::ostream& out, const SweepReport& report, const TerminalStyle& style) {
  if (!report.gate) return;
  const Gate& g = *report.gate;
  const SweepResult& r = report.result;
  const GateSettings& s = g.settings;
  out << '\n';
  print_line(
      out, style,
      fmt::format("gate: {}{}{}", s.baseline_file ? "baseline " + *s.baseline_file : "budgets only",
                  g.baseline_missing ? " (missing: allowed)" : "",
                  s.tolerance.empty() ? "" : ", tolerance " + s.tolerance),
      6);
  const std::string fail = paint(style, Color::red, "FAIL");
  for (const std::string& e : g.errors) print_line(out, style, fmt::format("  {}  {}", fail, e), 8);
  for (const Check& c : g.checks) {
    if (c.status != CheckStatus::failed) continue;
    std::string where = r.spec.traces[c.trace].name;
    if (c.cell)
      where = fmt::format("{} {}", where, setting_name(r.spec, cell_with_index(r, *c.cell)));
    print_line(out, style, fmt::format("  {}  {}  {}: {}", fail, where, c.name, c.message), 8);
  }
  print_line(out, style,
             fmt::format("  {} checks: {} passed, {} failed, {} skipped -> {}", g.checks.size(),
                         g.count(CheckStatus::passed), g.count(CheckStatus::failed),
                         g.count(CheckStatus::skipped),
                         g.passed() ? paint(style, Color::green, "PASS") : fail),
             4);
}

}  // namespace

void print_sweep_table(std::ostream& out, const SweepReport& report, const TerminalStyle& style) {
  const SweepResult& r = report.result;
  print_line(out, style, "gcsim sweep: " + sweep_headline(r), 2);
  print_line(out, style, cost_model_note(r.spec.cost), 2);
  for (std::size_t t = 0; t < r.spec.traces.size(); ++t) print_cells(out, report, t, style);
  out << '\n';
  if (r.shard) {
    print_line(out, style, "recommendations: merge every shard first (gcsim merge)", 2);
  } else {
    print_line(out, style,
               fmt::format("rule: {}; * recommended, + runner-up", recommendation_rule(r.spec)), 2);
  }
  print_min_heaps(out, r, style);
  print_gate(out, report, style);
}

}  // namespace gcsim::sweep
