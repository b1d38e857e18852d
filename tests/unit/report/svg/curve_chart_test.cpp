// svg_curve_chart at its two widths: the x labels thinned to what fits (1-2-5 steps, labels two
// characters apart), the mark labels 16 px apart and a mark sharing the last one's pixel column
// left out, the long axis title only where it fits, and no more buckets than px across the plot.
// The plot is the width less 108 units: 612 px wide at 720, 292 at 400.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/svg/curve_chart.h"
#include "text_checks.h"

namespace gcsim {
namespace {

ReplayResult run_of(std::uint64_t events) {
  ReplayResult r;
  r.layout.pool_bytes = 4096;
  r.layout.params.block_bytes = 16;
  r.summary.events = events;
  return r;
}

std::string chart(const ReplayResult& r, const std::vector<MarkEntry>& marks, double width) {
  const Curve curve(16);
  std::ostringstream out;
  write_curve_chart(out, {&r, &curve, nullptr, 0, &marks}, {.id = "c", .width = width});
  return out.str();
}

// The text of every <text class="CLASS">, in order.
std::vector<std::string> texts(const std::string& svg, const std::string& css_class) {
  const std::regex text("<text class=\"" + css_class + "\"[^>]*>([^<]*)</text>");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    found.push_back((*it)[1]);
  }
  return found;
}

// 1,000,000 events, the axis 0 to 999,999. At 612 px, steps of 200,000 are 122 px apart, room
// for "800,000" (7 × 6.6 px and a 13.2-px gap: 59.4); at 292 px they are 58.4 px apart, too
// close, and so are at most 5 ticks (the same step), so the step is 500,000 and 2 ticks remain.
TEST(CurveChart, XLabelsThinnedToTheWidth) {
  const ReplayResult r = run_of(1000000);
  const std::string wide = chart(r, {}, kWideChartWidth);
  const std::string narrow = chart(r, {}, kNarrowChartWidth);
  EXPECT_EQ(texts(wide, "x-label"),
            (std::vector<std::string>{"0", "200,000", "400,000", "600,000", "800,000"}));
  EXPECT_EQ(texts(narrow, "x-label"), (std::vector<std::string>{"0", "500,000"}));
  EXPECT_EQ(test::occurrences(narrow, "class=\"x-tick\""), 2u);
  // The long title is 70 characters (462 px): on the wide plot only.
  EXPECT_EQ(texts(wide, "axis-title")[0],
            "event (0-based; each point: the min and max over its bucket of events)");
  EXPECT_EQ(texts(narrow, "axis-title")[0], "event (0-based)");
  EXPECT_NE(narrow.find("viewBox=\"0 0 400 "), std::string::npos);
}

// 100 events; marks at 0, 4, …, 36. Four events are 24.5 px on the wide plot and 11.7 px on the
// narrow one: all 10 labelled there, every other one here (0, 8, …, 32), the rest ticks.
TEST(CurveChart, MarkLabelsThinnedToTheWidth) {
  std::vector<MarkEntry> marks;
  for (std::uint64_t e = 0; e <= 36; e += 4) marks.push_back({e, "m" + std::to_string(e)});
  const ReplayResult r = run_of(100);
  const std::string wide = chart(r, marks, kWideChartWidth);
  const std::string narrow = chart(r, marks, kNarrowChartWidth);
  EXPECT_EQ(texts(wide, "mark-label").size(), 10u);
  EXPECT_EQ(texts(narrow, "mark-label"),
            (std::vector<std::string>{"m0", "m8", "m16", "m24", "m32"}));
  EXPECT_EQ(test::occurrences(narrow, "class=\"mark-annotation\""), 10u);
}

// 1,000 events; marks at 0 to 9, 0.29 px apart on the narrow plot: 0 is labelled, 4 and 8 are
// the first a whole px from the last drawn, the others are on their column and left out.
TEST(CurveChart, MarksInOnePixelColumnDrawnOnce) {
  std::vector<MarkEntry> marks;
  for (std::uint64_t e = 0; e < 10; ++e) marks.push_back({e, "m" + std::to_string(e)});
  const std::string narrow = chart(run_of(1000), marks, kNarrowChartWidth);
  EXPECT_EQ(texts(narrow, "mark-label"), (std::vector<std::string>{"m0"}));
  EXPECT_EQ(test::occurrences(narrow, "class=\"mark-annotation\""), 3u);
  EXPECT_NE(narrow.find("mark 'm4' at event 4"), std::string::npos);
  EXPECT_NE(narrow.find("mark 'm8' at event 8"), std::string::npos);
}

// 700 one-event buckets: 2 merged into each drawn on 612 px, 3 on 292 px.
TEST(CurveChart, NoMoreBucketsThanPixels) {
  Curve curve(1024);
  for (std::uint64_t e = 0; e < 700; ++e) curve.sample(StateSample{.event = e});
  ASSERT_EQ(curve.buckets().size(), 700u);
  EXPECT_EQ(curve_chart_bucket_events(curve, kWideChartWidth), 2u);
  EXPECT_EQ(curve_chart_bucket_events(curve, kNarrowChartWidth), 3u);
  EXPECT_EQ(coarsened(curve.buckets(), 292).size(), 234u);  // ceil(700 / 3)
}

}  // namespace
}  // namespace gcsim
