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
                        : "recommendation rule: " + std::string(kRecommendationRule)};
  for (const SweepTrace& t : r.spec.traces) {
    HtmlSweepTrace& trace = page.traces.emplace_back();
    trace.name = t.name;
    trace.about = fmt::format("{}, {} events, {}", t.file, grouped(t.events), t.preset);
  }
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const CellResult& c = r.cells[i];
    page.traces[c.coord.trace].cells.push_back(
        {c.index, setting_name(r.spec, c), threshold_caption(r.spec, c), heap_caption(r.spec, c),
         r.spec.cost.milliseconds(gc_cycles(r.spec, c)), &replays[i].replay, &replays[i].curve});
  }
  for (const Recommendation& rec : report.recommendations) {
    HtmlSweepTrace& t = page.traces[rec.trace];
    t.best = rec.best;
    t.runner_up = rec.runner_up;
    t.reason = rec.reason;
  }
  write_html_sweep(out, page);
}

}  // namespace gcsim::sweep
