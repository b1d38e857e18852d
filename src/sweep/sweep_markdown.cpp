#include "sweep/sweep_markdown.h"

#include <fmt/ostream.h>

#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

// Text from a trace (a name, a warning) as inert markdown: a '|' would end a table cell, a line
// break the row; '<' would open HTML (an <img> in $GITHUB_STEP_SUMMARY loads from anywhere),
// '[' a link or an image; control characters become '?'.
std::string md(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|':
      case '[':
      case ']':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    }
  }
  return out;
}

// Text inside a `code span`, where nothing is markup but a backtick (which would end it) and,
// in a table, a '|'.
std::string md_code(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '`') {
      out += '\'';
    } else if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    }
  }
  return out;
}

std::string bytes_or_en_dash(const std::optional<std::int64_t>& v) {
  return v ? grouped(*v) : std::string("–");
}

void write_trace(std::ostream& out, const SweepReport& report, std::size_t trace) {
  const SweepResult& r = report.result;
  const SweepTrace& t = r.spec.traces[trace];
  fmt::print(out, "\n### {}\n\n`{}`, {} events, preset `{}`\n\n", md(t.name), md_code(t.file),
             grouped(t.events), t.preset);
  for (const std::string& w : t.warnings) fmt::print(out, "**Warning:** {}\n\n", md(w));
  out << "| | threshold | requested | effective | heap | collections | thr/oom/explicit | "
         "MemoryErrors | "
         "capacity/frag/disabled | peak mem_alloc | lowest free run | worst frag | GC work "
         "(blocks) | est. GC ms | safe |\n"
         "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n";
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    if (c.coord.trace != trace) continue;
    const std::string_view mark = recommendation_mark(report, c.index);
    fmt::print(out,
               "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.3f} | {} |\n",
               mark == "*"   ? "★"
               : mark == "+" ? "☆"
                             : "",
               r.spec.thresholds[c.coord.threshold].label(), grouped(c.threshold_requested),
               grouped(c.threshold_effective), grouped(c.heap_bytes),
               grouped(count_of(c, "collections.total")), collections_by_cause(c),
               grouped(count_of(c, "failures.total")), failures_by_class(c),
               grouped(count_of(c, "peak_mem_alloc")), grouped(count_of(c, "lowest_max_free")),
               percent(ratio_of(c, "worst_fragmentation")),
               grouped(count_of(c, "gc_work.blocks_marked") + count_of(c, "gc_work.blocks_swept")),
               r.spec.cost.milliseconds(gc_cycles(r.spec, c)), safety_word(report, i));
  }
  for (const Recommendation& rec : report.recommendations) {
    if (rec.trace != trace) continue;
    fmt::print(out, "\n**Recommended** (★): `{}`: {}.",
               setting_name(r.spec, cell_with_index(r, rec.best)), md(rec.reason));
    if (rec.runner_up) {
      fmt::print(out, " Runner-up (☆): `{}`: {}.",
                 setting_name(r.spec, cell_with_index(r, *rec.runner_up)), md(rec.runner_up_text));
    }
    out << '\n';
  }
}

void write_min_heaps(std::ostream& out, const SweepResult& r) {
  if (r.min_heaps.empty()) return;
  fmt::print(out,
             "\n### Minimum heap\n\nThe smallest heap from which every larger heap, up to the "
             "bound, replays with no MemoryError ({}).\n\n"
             "| trace | threshold | min heap | pool blocks | default heap | below default | KPU "
             "left at min | "
             "KPU left at default | smallest passing | bound | replays |\n"
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n",
             min_heap_method_note());
  for (const MinHeapResult& m : r.min_heaps) {
    const MinHeapFigures f = min_heap_figures(r.spec, m);
    fmt::print(out, "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
               md(r.spec.traces[m.trace].name), r.spec.thresholds[m.threshold].label(),
               m.heap_bytes ? grouped(*m.heap_bytes) : "> " + grouped(m.searched_to_bytes),
               m.heap_bytes ? grouped(m.pool_blocks) : "–",
               grouped(r.spec.traces[m.trace].geometry.heap_bytes),
               bytes_or_en_dash(f.below_default_bytes), bytes_or_en_dash(f.kpu_left_at_min_bytes),
               bytes_or_en_dash(f.kpu_left_at_default_bytes),
               m.smallest_passing_bytes ? grouped(*m.smallest_passing_bytes) : "–",
               grouped(m.searched_to_bytes), grouped(std::uint64_t{m.replays}));
  }
  bool any = false;
  for (const MinHeapResult& m : r.min_heaps) any = any || !m.islands.empty();
  if (!any) return;
  out << "\nIslands: heaps below the minimum that pass, and larger ones that fail.\n\n"
         "| trace | threshold | heaps | verdict |\n|---|---|--:|---|\n";
  for (const MinHeapResult& m : r.min_heaps) {
    for (std::size_t i = 0; i < m.islands.size() && i < kIslandsShown; ++i) {
      const HeapRun& run = m.islands[i];
      fmt::print(out, "| {} | {} | {} | {} |\n", md(r.spec.traces[m.trace].name),
                 r.spec.thresholds[m.threshold].label(), heap_run_text(run),
                 run.passes ? std::string("pass")
                            : fmt::format("fail: {}", failure_classes_text(run.failures)));
    }
    if (m.islands.size() > kIslandsShown) {
      fmt::print(out, "| {} | {} | … | {} more runs (the JSON has them all) |\n",
                 md(r.spec.traces[m.trace].name), r.spec.thresholds[m.threshold].label(),
                 m.islands.size() - kIslandsShown);
    }
  }
}

void write_gate(std::ostream& out, const SweepReport& report) {
  if (!report.gate) return;
  const Gate& g = *report.gate;
  const SweepResult& r = report.result;
  const GateSettings& s = g.settings;
  fmt::print(out, "\n### Gate: {}\n\n{} checks: {} passed, {} failed, {} skipped ({}{}{}).\n",
             g.passed() ? "passed" : "FAILED", g.checks.size(), g.count(CheckStatus::passed),
             g.count(CheckStatus::failed), g.count(CheckStatus::skipped),
             s.baseline_file ? "baseline `" + md_code(*s.baseline_file) + "`" : "budgets only",
             g.baseline_missing ? ", missing: allowed" : "",
             s.tolerance.empty() ? "" : ", tolerance `" + md_code(s.tolerance) + "`");
  for (const std::string& e : g.errors) fmt::print(out, "\n**Failed:** {}.\n", md(e));
  if (g.count(CheckStatus::failed) == 0) return;
  out << "\n| trace | setting | check | what |\n|---|---|---|---|\n";
  for (const Check& c : g.checks) {
    if (c.status != CheckStatus::failed) continue;
    const std::string setting =
        c.cell ? fmt::format("`{}`", setting_name(r.spec, cell_with_index(r, *c.cell))) : "(trace)";
    fmt::print(out, "| {} | {} | {} | {} |\n", md(r.spec.traces[c.trace].name), setting, c.name,
               md(c.message));
  }
}

}  // namespace

void write_sweep_markdown(std::ostream& out, const SweepReport& report) {
  const SweepResult& r = report.result;
  const CostModel& cost = r.spec.cost;
  fmt::print(out,
             "## gcsim sweep\n\n{}. Est. GC ms is an estimate: {} MHz, {} cycles per block marked, "
             "{} per block swept, {} per collection.\n",
             sweep_headline(r), cost.cpu_mhz, cost.cycles_per_block_marked,
             cost.cycles_per_block_swept, grouped(std::uint64_t{cost.cycles_per_collection}));
  if (!report.recommendations.empty()) {
    fmt::print(out, "Recommendation rule: {}.\n", md(recommendation_rule(r.spec)));
  }
  for (std::size_t t = 0; t < r.spec.traces.size(); ++t) write_trace(out, report, t);
  write_min_heaps(out, r);
  write_gate(out, report);
}

}  // namespace gcsim::sweep
