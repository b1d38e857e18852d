#include "report/html_sweep.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/html_escape.h"
#include "report/html_page.h"
#include "report/number_format.h"
#include "report/svg_curve_chart.h"

namespace gcsim {
namespace {

void write_results_table(std::ostream& out, const std::vector<HtmlSweepCell>& cells) {
  out << "<table class=\"sweep-results\">\n<tr><th>#</th><th class=\"text\">setting</th>"
         "<th>pool (bytes)</th><th>peak mem_alloc (bytes)</th><th>collections</th>"
         "<th>threshold / oom / explicit</th><th>MemoryErrors</th>"
         "<th>capacity / fragmentation / disabled</th><th>lowest largest free run (bytes)</th>"
         "<th>worst fragmentation</th></tr>\n";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const ReplayResult& r = *cells[i].result;
    const ReplaySummary& s = r.summary;
    fmt::print(out,
               "<tr class=\"sweep-row\"><td><a href=\"#cell-{}\">{}</a></td>"
               "<td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} / {} / {}</td>"
               "<td>{}</td><td>{} / {} / {}</td><td>{}</td><td>{}</td></tr>\n",
               i + 1, i + 1, xml_escape(cells[i].label), grouped(r.layout.pool_bytes),
               grouped(s.peak_mem_alloc.value), grouped(s.collections_total),
               grouped(s.collections_threshold), grouped(s.collections_oom),
               grouped(s.collections_explicit), grouped(s.failures_total),
               grouped(s.failures_capacity), grouped(s.failures_fragmentation),
               grouped(s.failures_disabled),
               grouped(s.events ? s.lowest_max_free.value : r.layout.pool_bytes),
               percent(s.worst_fragmentation));
  }
  out << "</table>\n";
}

}  // namespace

void write_html_sweep(std::ostream& out, std::string_view title,
                      const std::vector<HtmlSweepCell>& cells, std::string_view recommendation) {
  write_html_page_start(out, title);
  fmt::print(out, "<h1>{}</h1>\n", xml_escape(title));
  if (!recommendation.empty()) {
    fmt::print(out, "<section id=\"recommendation\">\n<h2>Recommendation</h2>\n<p>{}</p>\n"
                    "</section>\n",
               xml_escape(recommendation));
  }
  out << "<section id=\"small-multiples\">\n<h2>mem_alloc, mem_free and the largest free run per "
         "setting</h2>\n<p class=\"note\">Each chart's y axis is its own pool; ticks under the "
         "axis are collections, ▼ MemoryErrors.</p>\n<div class=\"small-multiples\">\n";
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const CurveChartData chart{cells[i].result, cells[i].curve, nullptr, 0, nullptr};
    fmt::print(out, "<div class=\"small-multiple\">\n<p>{}. {}</p>\n", i + 1,
               xml_escape(cells[i].label));
    write_curve_chart(out, chart,
                      {.id = fmt::format("cell-{}", i + 1), .width = 320, .height = 150,
                       .full = false});
    out << "</div>\n";
  }
  out << "</div>\n</section>\n<section id=\"results\">\n<h2>Results</h2>\n";
  write_results_table(out, cells);
  out << "</section>\n";
  write_html_page_end(out);
}

}  // namespace gcsim
