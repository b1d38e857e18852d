// html_report and html_sweep: does the page hold what a reader looks for — both curve charts,
// a tick per collection and a marker per MemoryError, the heap at the peak and at each
// MemoryError in both forms — and nothing loaded from elsewhere? (The page is parsed by a real
// XML/HTML parser in report_html_test.py; here the markup is only searched.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/html_report.h"
#include "report/html_sweep.h"

namespace gcsim {
namespace {

const std::string kTrace = std::string(GCSIM_TEST_DATA_DIR) + "/cli/data/classes.jsonl";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

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
  return collect_report_data(kTrace, [&](const TraceHeader&) { return s; });
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
    EXPECT_EQ(count(svg, "class=\"collection-tick"), 4u) << id;
    EXPECT_EQ(count(svg, "class=\"collection-tick cause-threshold\""), 1u) << id;
    EXPECT_EQ(count(svg, "class=\"collection-tick cause-oom\""), 2u) << id;
    EXPECT_EQ(count(svg, "class=\"collection-tick cause-explicit\""), 1u) << id;
    EXPECT_EQ(count(svg, "class=\"failure-marker"), 3u) << id;
    EXPECT_EQ(count(svg, "class=\"peak-marker\""), 1u) << id;
  }
  EXPECT_EQ(count(html, "class=\"collection-row\""), 4u);
  EXPECT_EQ(count(html, "class=\"failure-row\""), 3u);
  for (const char* id : {"peak-map", "failure-1-map", "failure-2-map", "failure-3-map"}) {
    EXPECT_FALSE(svg_with_id(html, std::string(id) + "-tiles").empty()) << id;
    EXPECT_FALSE(svg_with_id(html, std::string(id) + "-runs").empty()) << id;
  }
  EXPECT_EQ(count(html, "GC memory layout; from 80300800:"), 4u);
  EXPECT_EQ(count(html, "class=\"text class\">fragmentation<"), 1u);
  EXPECT_EQ(count(html, "<script"), 0u);
  EXPECT_EQ(count(html, "src=\""), 0u);
  EXPECT_EQ(count(html, "href=\"http"), 0u);
}

TEST(HtmlSweep, SmallMultiplesAndResults) {
  const ReportData a = classes_report();
  std::vector<HtmlSweepCell> cells{{"heap 4,096", &a.result, &a.curve},
                                   {"heap 4,096 again", &a.result, &a.curve}};
  std::ostringstream out;
  write_html_sweep(out, "sweep <of> classes", cells, "take the first & be done");
  const std::string html = out.str();
  EXPECT_EQ(count(html, "class=\"curve-chart\""), 2u);
  EXPECT_FALSE(svg_with_id(html, "cell-2").empty());
  EXPECT_EQ(count(svg_with_id(html, "cell-1"), "class=\"collection-tick"), 4u);
  EXPECT_EQ(count(html, "class=\"sweep-row\""), 2u);
  EXPECT_NE(html.find("sweep &lt;of&gt; classes"), std::string::npos);
  EXPECT_NE(html.find("take the first &amp; be done"), std::string::npos);
}

}  // namespace
}  // namespace gcsim
