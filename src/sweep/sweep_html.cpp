#include "sweep/sweep_html.h"

#include <fmt/format.h>
#include <stdexcept>
#include <string>

#include "report/html/sweep_page.h"
#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

// "1000 (992 in effect)", "quarter = 2,016", "port = off": the grid's word, then the bytes.
std::string threshold_caption(const SweepSpec& spec, const CellResult& c) {
  const std::string label = spec.thresholds[c.coord.threshold].label();
  if (c.threshold_requested < 0) return label == "off" ? label : label + " = off";
  std::string text = label == std::to_string(c.threshold_requested)
                         ? grouped(c.threshold_requested)
                         : label + " = " + grouped(c.threshold_requested);
  if (c.threshold_effective != c.threshold_requested) {
    text += fmt::format(" ({} in effect)", grouped(c.threshold_effective));
  }
  return text;
}

// "8,192 bytes (pool 8,064)", "port = 524,288 bytes (pool 519,168)".
std::string heap_caption(const SweepSpec& spec, const CellResult& c) {
  const std::string label = spec.heap_sizes[c.coord.heap].label();
  const std::string bytes = grouped(c.heap_bytes);
  return fmt::format("{}{} bytes (pool {})",
                     label == std::to_string(c.heap_bytes) ? "" : label + " = ", bytes,
                     grouped(c.pool_bytes));
}

std::string page_title(const SweepSpec& spec) {
  if (spec.traces.size() == 1) return "gcsim sweep of " + spec.traces.front().name;
  return fmt::format("gcsim sweep of {} traces", spec.traces.size());
}

HtmlSweepMinHeap min_heap_of(const SweepSpec& spec, const MinHeapResult& m) {
  const MinHeapFigures f = min_heap_figures(spec, m);
  HtmlSweepMinHeap out;
  out.threshold = spec.thresholds[m.threshold].label();
  out.min_heap = m.heap_bytes ? grouped(*m.heap_bytes) : "> " + grouped(m.searched_to_bytes);
  out.smallest_passing = m.smallest_passing_bytes ? grouped(*m.smallest_passing_bytes) : "–";
  out.kpu_left = f.kpu_left_at_min_bytes ? grouped(*f.kpu_left_at_min_bytes) : "";
  out.searched = fmt::format("{} – {} bytes, {} heaps replayed", grouped(m.searched_from_bytes),
                             grouped(m.searched_to_bytes), grouped(std::uint64_t{m.replays}));
  for (const HeapRun& run : m.islands) {
    out.islands.push_back({heap_run_text(run), run.passes,
                           run.passes
                               ? std::string("pass")
                               : fmt::format("fail: {}", failure_classes_text(run.failures))});
  }
  return out;
}

HtmlSweepGate gate_of(const SweepReport& report) {
  const Gate& g = *report.gate;
  const SweepResult& r = report.result;
  HtmlSweepGate out;
  out.passed = g.passed();
  out.summary = fmt::format(
      "{} checks: {} passed, {} failed, {} skipped ({}{}{})", g.checks.size(),
      g.count(CheckStatus::passed), g.count(CheckStatus::failed), g.count(CheckStatus::skipped),
      g.settings.baseline_file ? "baseline " + *g.settings.baseline_file : "budgets only",
      g.baseline_missing ? ", missing: allowed" : "",
      g.settings.tolerance.empty() ? "" : ", tolerance " + g.settings.tolerance);
  out.errors = g.errors;
  for (const Check& c : g.checks) {
    if (c.status != CheckStatus::failed) continue;
    out.failed.push_back({r.spec.traces[c.trace].name,
                          c.cell ? setting_name(r.spec, cell_with_index(r, *c.cell)) : "(trace)",
                          c.name, c.message});
  }
  return out;
}

}  // namespace

void write_sweep_html(std::ostream& out, const SweepReport& report,
                      const std::vector<CellReplay>& replays) {
  const SweepResult& r = report.result;
  if (replays.size() != r.cells.size()) {
    throw std::logic_error("write_sweep_html: a replay per cell is needed");
  }
  HtmlSweepPage page;
  page.title = page_title(r.spec);
  page.notes = {"gcsim sweep: " + sweep_headline(r), cost_model_note(r.spec.cost),
                r.shard ? std::string("recommendations: merge every shard first (gcsim merge)")
                        : "recommendation rule: " + recommendation_rule(r.spec)};
  if (report.gate) page.gate = gate_of(report);
  page.min_heap_note = min_heap_method_note();
  for (const SweepTrace& t : r.spec.traces) {
    HtmlSweepTrace& trace = page.traces.emplace_back();
    trace.name = t.name;
    trace.about = fmt::format("{}, {} events, {}", t.file, grouped(t.events), t.preset);
    trace.warnings = t.warnings;
  }
  for (const MinHeapResult& m : r.min_heaps) {
    page.traces[m.trace].min_heaps.push_back(min_heap_of(r.spec, m));
  }
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    page.traces[c.coord.trace].cells.push_back(
        {c.index, setting_name(r.spec, c), threshold_caption(r.spec, c), heap_caption(r.spec, c),
         r.spec.cost.milliseconds(gc_cycles(r.spec, c)), &replays[i].summary, replays[i].pool_bytes,
         &replays[i].curve, &replays[i].columns});
  }
  for (const Recommendation& rec : report.recommendations) {
    HtmlSweepTrace& t = page.traces[rec.trace];
    t.best = rec.best;
    t.runner_up = rec.runner_up;
    t.reason = rec.reason;
    t.runner_up_cost = rec.runner_up_text;
  }
  write_html_sweep(out, page);
}

}  // namespace gcsim::sweep
