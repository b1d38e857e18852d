// html_report and html_sweep: does the page hold what a reader looks for — both curve charts,
// a tick per collection and a marker per MemoryError, the heap at the peak and at each
// MemoryError in both forms, a sweep's chart per cell in a row per heap size with the
// recommendation marked — and nothing loaded from elsewhere? (The pages are parsed by a real
// XML/HTML parser in report_html_test.py and check_reports.py; here the markup is only
// searched.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/event_columns.h"
#include "report/html/report_page.h"
#include "report/html/sweep_page.h"
#include "report/svg/curve_bands.h"
#include "report/svg/small_chart.h"
#include "text_checks.h"

namespace gcsim {
namespace {

const std::string kClassesTrace = std::string(GCSIM_TEST_DATA_DIR) + "/cli/data/classes.jsonl";

// The markup of the <svg> with this id.
std::string svg_with_id(const std::string& html, const std::string& id) {
  const auto start = html.find("id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</svg>", start) - start);
}

ReportData classes_report() {
  ReplaySettings s;
  s.preset = "k210";
  s.geometry.heap_bytes = 4096;
  return collect_report_data(kClassesTrace, [&](const TraceHeader&) { return s; });
}

TEST(HtmlReport, DataOfTwoPasses) {
  const ReportData data = classes_report();
  EXPECT_EQ(data.result.collections.size(), 4u);
  EXPECT_EQ(data.failure_maps.size(), 3u);
  EXPECT_EQ(data.peak.event, 5u);
  EXPECT_EQ(data.peak_bytes_allocated, 3u * 1024 + 3 * 32);
  EXPECT_EQ(data.bytes.total(), 3u * 1024 + 6 * 32);
}

TEST(HtmlReport, ChartsTicksMarkersAndMaps) {
  std::ostringstream out;
  write_html_report(out, classes_report(), 0x80300800);
  const std::string html = out.str();
  // Each chart twice, wide and narrow, with the same marks.
  for (const char* id :
       {"chart-events", "chart-bytes", "chart-events-narrow", "chart-bytes-narrow"}) {
    const std::string svg = svg_with_id(html, id);
    ASSERT_FALSE(svg.empty()) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick"), 4u) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick cause-threshold\""), 1u) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick cause-oom\""), 2u) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick cause-explicit\""), 1u) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"failure-marker"), 3u) << id;
    EXPECT_EQ(test::occurrences(svg, "class=\"peak-marker\""), 1u) << id;
  }
  EXPECT_EQ(test::occurrences(html, "class=\"collection-row\""), 4u);
  EXPECT_EQ(test::occurrences(html, "class=\"failure-row\""), 3u);
  for (const char* id : {"peak-map", "failure-1-map", "failure-2-map", "failure-3-map"}) {
    EXPECT_FALSE(svg_with_id(html, std::string(id) + "-tiles").empty()) << id;
    EXPECT_FALSE(svg_with_id(html, std::string(id) + "-runs").empty()) << id;
  }
  EXPECT_EQ(test::occurrences(html, "GC memory layout; from 80300800:"), 4u);
  EXPECT_EQ(test::occurrences(html, "class=\"text class\">fragmentation<"), 1u);
  EXPECT_EQ(test::occurrences(html, "<script"), 0u);
  EXPECT_EQ(test::occurrences(html, "src=\""), 0u);
  EXPECT_EQ(test::occurrences(html, "href=\"http"), 0u);
}

TEST(HtmlSweep, SmallMultiplesAndResults) {
  const ReportData a = classes_report();
  const EventColumns columns(a.result, kSmallChartColumns);
  const std::uint64_t pool = a.result.layout.pool_bytes;
  const ReplaySummary* s = &a.result.summary;
  HtmlSweepTrace trace{"classes <1>", "classes.jsonl", 7, 3, "take the first & be done", {}};
  trace.cells = {{3, "threshold=off heap=4096", "off", "4,096", 0.5, s, pool, &a.curve, &columns},
                 {7, "threshold=64 heap=4096", "64", "4,096", 0.25, s, pool, &a.curve, &columns},
                 {8, "threshold=64 heap=8192", "64", "8,192", 0.25, s, pool, &a.curve, &columns}};
  std::ostringstream out;
  write_html_sweep(out, {"sweep <of> classes", {"a note"}, {trace}});
  const std::string html = out.str();
  EXPECT_EQ(test::occurrences(html, "class=\"curve-chart\""), 3u);
  EXPECT_EQ(test::occurrences(html, "<h3>heap "), 2u);  // a row of charts per heap size
  EXPECT_FALSE(svg_with_id(html, "cell-8").empty());
  // 23 events on 240 columns: each collection has a pixel column of its own.
  const std::string cell = svg_with_id(html, "cell-3");
  EXPECT_EQ(test::occurrences(cell, "class=\"collection-tick"), 4u);
  EXPECT_EQ(test::occurrences(cell, "data-count=\"1\""), 4u + 3u);
  // The axes' values: the pool (3,968 bytes) and 0 B up the side, events 0 to 22 along.
  EXPECT_NE(cell.find(">3.9 KiB</text>"), std::string::npos);
  EXPECT_NE(cell.find(">0 B</text>"), std::string::npos);
  EXPECT_NE(cell.find(">22</text>"), std::string::npos);
  EXPECT_EQ(test::occurrences(html, "<p class=\"counts\">4 collections · 3 MemoryErrors</p>"), 3u);
  EXPECT_EQ(test::occurrences(html, "class=\"sweep-row\""), 3u);
  EXPECT_EQ(test::occurrences(html, "class=\"small-multiple recommended-best\""), 1u);
  EXPECT_EQ(test::occurrences(html, "class=\"small-multiple recommended-runner-up\""), 1u);
  EXPECT_NE(html.find("sweep &lt;of&gt; classes"), std::string::npos);
  EXPECT_NE(html.find("classes &lt;1&gt;"), std::string::npos);
  EXPECT_NE(html.find("take the first &amp; be done"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#cell-7\">threshold=64 heap=4096</a>: take"), std::string::npos);
}

// A small multiple is too narrow for a tick per collection: many in one pixel column become
// one tick that counts them, and what is kept of a run is a count per column, not a list.
TEST(HtmlSweep, TicksInOnePixelColumnAreCounted) {
  ReplayResult r;
  r.layout.pool_bytes = 4096;
  r.layout.params.block_bytes = 16;
  r.summary.events = 10000000;  // the 1,000 collections fall in one pixel column
  for (std::uint64_t e = 0; e < 1000; ++e) {
    CollectionEntry c;
    c.event = e;
    c.record.cause = e % 2 ? CollectionCause::oom : CollectionCause::threshold;
    r.collections.push_back(c);
  }
  FailureRecord f;
  f.event = r.summary.events - 1;  // the last column
  r.failures.push_back(f);
  const EventColumns columns(r, kSmallChartColumns);
  ASSERT_EQ(columns.collections().size(), 2u);
  EXPECT_EQ(columns.collections()[0].count, 500u);
  ASSERT_EQ(columns.failures().size(), 1u);
  EXPECT_EQ(columns.failures()[0].column, kSmallChartColumns - 1);
  Curve curve(16);
  std::ostringstream out;
  write_small_chart(out, {&r.summary, r.layout.pool_bytes, &curve, &columns}, "small");
  const std::string svg = out.str();
  EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick"), 2u);
  EXPECT_EQ(test::occurrences(svg, "data-count=\"500\""), 2u);
  EXPECT_NE(svg.find("500 oom collections at events 1 to 999"), std::string::npos);
  EXPECT_NE(svg.find(">9,999,999</text>"), std::string::npos);  // the x axis ends at the last event
}

// Axis ticks at 1-2-5 steps from 0, none past the last value (a 4,527-event run's axis ends at
// event 4,526, so no tick reads 4,527).
TEST(CurveChart, AxisTicksStayInTheRange) {
  EXPECT_EQ(axis_ticks(4526, 6), (std::vector<std::uint64_t>{0, 1000, 2000, 3000, 4000}));
  EXPECT_EQ(axis_ticks(22, 6), (std::vector<std::uint64_t>{0, 5, 10, 15, 20}));
  EXPECT_EQ(axis_ticks(0, 6), (std::vector<std::uint64_t>{0}));
  EXPECT_EQ(axis_ticks(5, 6), (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5}));
}

// The MemoryErrors come before the fragmentation and collection sections when there are any.
TEST(HtmlReport, MemoryErrorsFirst) {
  std::ostringstream out;
  write_html_report(out, classes_report());
  const std::string html = out.str();
  const auto failures = html.find("<section id=\"failures\">");
  ASSERT_NE(failures, std::string::npos);
  EXPECT_LT(html.find("<section id=\"curves\">"), failures);
  EXPECT_LT(failures, html.find("<section id=\"fragmentation\">"));
  EXPECT_LT(failures, html.find("<section id=\"collections\">"));
}

}  // namespace
}  // namespace gcsim
