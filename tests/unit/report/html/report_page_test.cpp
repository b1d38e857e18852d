// html_report and html_sweep: does the page hold what a reader looks for — both curve charts,
// a tick per collection and a marker per MemoryError, the heap at the peak and at each
// MemoryError in both forms, a sweep's chart per cell in a row per heap size with the
// recommendation marked — and nothing loaded from elsewhere? (The pages are parsed by a real
// XML/HTML parser in report_html_test.py and check_reports.py; here the markup is only
// searched.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/html/report_page.h"
#include "report/html/sweep_page.h"
#include "report/svg/curve_chart.h"
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
  for (const char* id : {"chart-events", "chart-bytes"}) {
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
  HtmlSweepTrace trace{"classes <1>", "classes.jsonl", 7, 3, "take the first & be done", {}};
  trace.cells = {{3, "threshold=off heap=4096", "off", "4,096", 0.5, &a.result, &a.curve},
                 {7, "threshold=64 heap=4096", "64", "4,096", 0.25, &a.result, &a.curve},
                 {8, "threshold=64 heap=8192", "64", "8,192", 0.25, &a.result, &a.curve}};
  std::ostringstream out;
  write_html_sweep(out, {"sweep <of> classes", {"a note"}, {trace}});
  const std::string html = out.str();
  EXPECT_EQ(test::occurrences(html, "class=\"curve-chart\""), 3u);
  EXPECT_EQ(test::occurrences(html, "<h3>heap "), 2u);  // a row of charts per heap size
  EXPECT_FALSE(svg_with_id(html, "cell-8").empty());
  // 23 events on ~250 px: each collection has a pixel column of its own.
  EXPECT_EQ(test::occurrences(svg_with_id(html, "cell-3"), "class=\"collection-tick"), 4u);
  EXPECT_EQ(test::occurrences(svg_with_id(html, "cell-3"), "data-count=\"1\""), 4u + 3u);
  EXPECT_EQ(test::occurrences(html, "class=\"sweep-row\""), 3u);
  EXPECT_EQ(test::occurrences(html, "class=\"small-multiple recommended-best\""), 1u);
  EXPECT_EQ(test::occurrences(html, "class=\"small-multiple recommended-runner-up\""), 1u);
  EXPECT_NE(html.find("sweep &lt;of&gt; classes"), std::string::npos);
  EXPECT_NE(html.find("classes &lt;1&gt;"), std::string::npos);
  EXPECT_NE(html.find("take the first &amp; be done"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#cell-7\">threshold=64 heap=4096</a>: take"), std::string::npos);
}

// A small multiple is too narrow for a tick per collection: many in one pixel column become
// one tick that counts them.
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
  Curve curve(16);
  std::ostringstream out;
  write_curve_chart(out, {&r, &curve, nullptr, 0, nullptr},
                    {.id = "small", .width = 256, .height = 120, .full = false});
  const std::string svg = out.str();
  EXPECT_EQ(test::occurrences(svg, "class=\"collection-tick"), 2u);
  EXPECT_EQ(test::occurrences(svg, "data-count=\"500\""), 2u);
  EXPECT_NE(svg.find("500 oom collections at events 1 to 999"), std::string::npos);
}

}  // namespace
}  // namespace gcsim
