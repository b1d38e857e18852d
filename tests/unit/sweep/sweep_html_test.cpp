// The sweep's HTML page: a chart per cell of every trace (in a shard, its share), each with the
// collections and MemoryErrors of its cell, the recommendation marked, and the page
// byte-identical for -j 1, 2 and 8.
#include "sweep/sweep_html.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "sweep/recommend.h"
#include "sweep_support.h"
#include "text_checks.h"

namespace gcsim::sweep {
namespace {

using test::kClasses;
using test::kFragmentation;

// The sum of data-count over the elements of `cls` in svg#cell-INDEX.
std::uint64_t counted(const std::string& html, std::size_t index, const std::string& cls) {
  const auto start = html.find(fmt::format("id=\"cell-{}\"", index));
  if (start == std::string::npos) return ~std::uint64_t{0};
  const std::string svg = html.substr(start, html.find("</svg>", start) - start);
  const std::regex element("class=\"" + cls + "[^\"]*\" data-count=\"([0-9]+)\"");
  std::uint64_t n = 0;
  for (std::sregex_iterator it(svg.begin(), svg.end(), element), end; it != end; ++it) {
    n += std::stoull((*it)[1]);
  }
  return n;
}

std::string page(const test::Loaded& in, std::optional<Shard> shard, unsigned jobs,
                 SweepReport* report_out = nullptr) {
  std::vector<CellReplay> replays;
  SweepReport report =
      make_report(run_sweep(in.spec, in.traces, shard, jobs, &replays), std::nullopt);
  std::ostringstream out;
  write_sweep_html(out, report, replays);
  if (report_out) *report_out = std::move(report);
  return out.str();
}

TEST(SweepHtml, AChartPerCellWithItsCollectionsAndMemoryErrors) {
  const test::Loaded in = test::load({kClasses, kFragmentation}, "off,quarter,1000", "4096,64K");
  SweepReport report;
  const std::string html = page(in, std::nullopt, 2, &report);
  EXPECT_EQ(gcsim::test::occurrences(html, "class=\"curve-chart\""), 12u);
  EXPECT_EQ(gcsim::test::occurrences(html, "class=\"sweep-trace\""), 2u);
  EXPECT_EQ(gcsim::test::occurrences(html, "<h3>heap "), 4u);
  EXPECT_EQ(gcsim::test::occurrences(html, "class=\"sweep-row\""), 12u);
  for (const CellResult& c : report.result.cells) {
    SCOPED_TRACE(c.index);
    EXPECT_EQ(counted(html, c.index, "collection-tick"), count_of(c, "collections.total"));
    EXPECT_EQ(counted(html, c.index, "collection-tick cause-oom"), count_of(c, "collections.oom"));
    EXPECT_EQ(counted(html, c.index, "failure-marker"), count_of(c, "failures.total"));
  }
  EXPECT_EQ(gcsim::test::occurrences(html, "\"small-multiple recommended-best\""), 2u);
  EXPECT_EQ(gcsim::test::occurrences(html, "\"small-multiple recommended-runner-up\""), 2u);
  EXPECT_NE(html.find("<a href=\"#cell-9\">threshold=off heap=65536</a>"), std::string::npos);
  EXPECT_NE(html.find("threshold 1,000 (992 in effect)"), std::string::npos);
  EXPECT_NE(html.find("heap 4,096 bytes (pool 3,968)"), std::string::npos);
}

TEST(SweepHtml, ByteIdenticalForAnyJobCount) {
  const test::Loaded in = test::load({kClasses, kFragmentation}, "off,quarter,64K", "port,8K");
  const std::string one = page(in, std::nullopt, 1);
  EXPECT_EQ(page(in, std::nullopt, 2), one);
  EXPECT_EQ(page(in, std::nullopt, 8), one);
}

TEST(SweepHtml, AShardDrawsItsShareAndRecommendsNothing) {
  const test::Loaded in = test::load({kClasses}, "off,quarter,1000", "4096,8K");
  const std::string html = page(in, Shard{2, 4}, 2);
  EXPECT_EQ(gcsim::test::occurrences(html, "class=\"curve-chart\""), 2u);  // cells 1 and 5
  EXPECT_NE(html.find("id=\"cell-5\""), std::string::npos);
  EXPECT_NE(html.find("No recommendation"), std::string::npos);
  EXPECT_EQ(gcsim::test::occurrences(html, "\"small-multiple recommended-best\""), 0u);
}

TEST(SweepHtml, NeedsAReplayPerCell) {
  const test::Loaded in = test::load({kClasses}, "off", "4096");
  SweepReport report;
  report.result = run_sweep(in.spec, in.traces, std::nullopt, 1);
  std::ostringstream out;
  EXPECT_THROW(write_sweep_html(out, report, {}), std::logic_error);
}

}  // namespace
}  // namespace gcsim::sweep
