#include "report/html/report_page.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "collector/trigger.h"
#include "report/heap_map/mem_info.h"
#include "report/html/heap_map_section.h"
#include "report/html/page.h"
#include "report/html/tables.h"
#include "report/svg/curve_chart.h"
#include "report/svg/heap_tiles.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

std::string threshold_cell(std::int64_t bytes) {
  return bytes < 0 ? std::string("off (−1)") : grouped(bytes) + " bytes";
}

void write_summary(std::ostream& out, const ReportData& data) {
  const ReplayResult& r = data.result;
  const Layout& l = r.layout;
  const GeometryParams& p = l.params;
  const ReplaySummary& s = r.summary;
  fmt::print(out,
             "<section id=\"summary\">\n<p class=\"meta\">trace <code>{}</code>{} · {} events · "
             "{} preset, rules {}: {}-byte heap → {} blocks × {} bytes = {}-byte pool · "
             "threshold {}{}</p>\n",
             xml_escape(data.trace_path),
             r.header.description.empty() ? "" : " — " + xml_escape(r.header.description),
             grouped(s.events), xml_escape(r.settings.preset), rules_name(p.rules),
             grouped(p.heap_bytes), grouped(l.pool_blocks), p.block_bytes, grouped(l.pool_bytes),
             threshold_cell(effective_threshold_bytes(r.settings.threshold_bytes, p.block_bytes)),
             r.settings.start_disabled ? ", gc disabled at start" : "");
  fmt::print(
      out,
      "<ul class=\"headline\">\n<li>peak mem_alloc {} bytes ({} of the pool) at event {}; "
      "fragmentation there {}</li>\n"
      "<li>{}: {} threshold, {} out of memory, {} gc.collect()</li>\n"
      "<li>{}: {} capacity, {} fragmentation, {} gc disabled</li>\n"
      "<li>lowest largest free run {} bytes at event {}; worst fragmentation {} at event "
      "{}</li>\n</ul>\n",
      grouped(s.peak_mem_alloc), percent_of(s.peak_mem_alloc, l.pool_bytes), grouped(s.peak_event),
      percent(s.fragmentation_at_peak), plural(s.collections_total, "collection", "collections"),
      grouped(s.collections_threshold), grouped(s.collections_oom), grouped(s.collections_explicit),
      plural(s.failures_total, "MemoryError", "MemoryErrors"), grouped(s.failures_capacity),
      grouped(s.failures_fragmentation), grouped(s.failures_disabled),
      grouped(s.events ? s.lowest_max_free : l.pool_bytes), grouped(s.lowest_max_free_event),
      percent(s.worst_fragmentation), grouped(s.worst_fragmentation_event));
  for (const TraceWarning& w : r.warnings) {
    fmt::print(out, "<p class=\"note\">warning: {}</p>\n", xml_escape(w.message));
  }
  out << "</section>\n";
}

// Each chart twice, drawn for a wide screen and for a phone; the page's CSS shows one (page.cpp).
void write_chart_pair(std::ostream& out, const CurveChartData& chart, const std::string& id,
                      ChartX x) {
  out << "<div class=\"wide-only\">\n";
  write_curve_chart(out, chart, {.id = id, .x = x, .width = kWideChartWidth});
  out << "</div>\n<div class=\"narrow-only\">\n";
  write_curve_chart(out, chart, {.id = id + "-narrow", .x = x, .width = kNarrowChartWidth});
  out << "</div>\n";
}

void write_curves(std::ostream& out, const ReportData& data) {
  const CurveChartData chart{&data.result, &data.curve, &data.bytes, data.peak_bytes_allocated,
                             &data.marks};
  out << "<section id=\"curves\">\n<h2>The heap over the run</h2>\n"
         "<input type=\"radio\" name=\"x-axis\" id=\"x-axis-events\" checked=\"checked\"/>"
         "<label for=\"x-axis-events\">x axis: events</label>\n"
         "<input type=\"radio\" name=\"x-axis\" id=\"x-axis-bytes\"/>"
         "<label for=\"x-axis-bytes\">x axis: bytes allocated</label>\n"
         "<div class=\"chart-box\" id=\"chart-events-box\">\n";
  write_curve_legend(out, chart);
  write_chart_pair(out, chart, "chart-events", ChartX::events);
  out << "</div>\n<div class=\"chart-box\" id=\"chart-bytes-box\">\n";
  write_curve_legend(out, chart);
  write_chart_pair(out, chart, "chart-bytes", ChartX::bytes_allocated);
  fmt::print(out,
             "</div>\n<p class=\"note\">Each band spans the lowest and highest value over a "
             "bucket of <span class=\"wide-only\">{}</span><span class=\"narrow-only\">{}</span> "
             "event(s), so a one-event spike stays visible. Ticks under the axis are "
             "collections, ▼ are MemoryErrors, the circle is the peak.{}</p>\n</section>\n",
             grouped(curve_chart_bucket_events(data.curve, kWideChartWidth)),
             grouped(curve_chart_bucket_events(data.curve, kNarrowChartWidth)),
             data.marks_total > data.marks.size()
                 ? fmt::format(" The first {} of {} marks are drawn.", grouped(data.marks.size()),
                               grouped(data.marks_total))
                 : std::string());
}

void write_fragmentation(std::ostream& out, const ReportData& data, const HeapMapFormat& format) {
  const ReplaySummary& s = data.result.summary;
  fmt::print(out,
             "<section id=\"fragmentation\">\n<h2>Fragmentation</h2>\n"
             "<p>Fragmentation is 1 − largest free run / free bytes: 0% when all free memory is "
             "one run. Worst over the run: {} at event {}; at the peak: {}.</p>\n"
             "<h3 id=\"peak\">The heap at the peak (after event {})</h3>\n",
             percent(s.worst_fragmentation), grouped(s.worst_fragmentation_event),
             percent(s.fragmentation_at_peak), grouped(s.peak_event));
  write_heap_tiles_legend(out);
  write_html_heap_map(out, data.peak, format, "peak-map");
  out << "</section>\n";
}

void write_failures(std::ostream& out, const ReportData& data, const HeapMapFormat& format) {
  const ReplayResult& r = data.result;
  fmt::print(out, "<section id=\"failures\">\n<h2>MemoryErrors ({})</h2>\n",
             grouped(r.failures.size()));
  write_failure_table(out, r, data.failure_maps.size());
  if (data.failure_maps.size() < r.failures.size()) {
    fmt::print(out, "<p class=\"note\">Heap maps for the first {} MemoryErrors.</p>\n",
               grouped(data.failure_maps.size()));
  }
  for (std::size_t i = 0; i < data.failure_maps.size(); ++i) {
    const FailureRecord& f = r.failures[i];
    fmt::print(out,
               "<h3 id=\"failure-{}\">MemoryError {}: event {}, {} of {} bytes ({} blocks): "
               "{}</h3>\n",
               i + 1, i + 1, grouped(f.event), f.realloc ? "realloc" : "alloc",
               grouped(f.size_bytes), grouped(f.n_blocks), failure_class_name(f.failure_class));
    write_html_heap_map(out, data.failure_maps[i], format, fmt::format("failure-{}-map", i + 1));
  }
  out << "</section>\n";
}

}  // namespace

void write_html_report(std::ostream& out, const ReportData& data,
                       std::optional<std::uint64_t> pool_address) {
  const ReplayResult& r = data.result;
  const HeapMapFormat format = heap_map_format(r.layout, pool_address);
  const std::string name = r.header.name.empty() ? data.trace_path : r.header.name;
  write_html_page_start(out, "gcsim report: " + name);
  fmt::print(out, "<h1>gcsim report: {}</h1>\n", xml_escape(name));
  write_summary(out, data);
  write_curves(out, data);
  // MemoryErrors are what a reader came for: when there are any, they come before the rest.
  if (!r.failures.empty()) write_failures(out, data, format);
  write_fragmentation(out, data, format);
  fmt::print(out, "<section id=\"collections\">\n<h2>Collections ({})</h2>\n",
             grouped(r.collections.size()));
  write_collection_table(out, r);
  out << "</section>\n";
  if (r.failures.empty()) write_failures(out, data, format);
  if (!r.observations.empty()) {
    out << "<section id=\"observations\">\n<h2>Device observations</h2>\n";
    write_observation_table(out, r);
    out << "</section>\n";
  }
  out << "<section id=\"metrics\">\n<h2>All metrics</h2>\n";
  write_metrics_table(out, r.summary);
  out << "</section>\n";
  write_html_page_end(out);
}

}  // namespace gcsim
