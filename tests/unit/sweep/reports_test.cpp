// The report writers on one sweep with a failing gate: every CSV row has the header's columns,
// every markdown table row the header's cells, the JUnit counts add up (well-formedness is
// checked with a real XML parser by tests/sweep/check_reports.py), and the table marks the
// recommendation.
#include <gtest/gtest.h>

#include <sstream>

#include "sweep/gate.h"
#include "sweep/recommend.h"
#include "sweep/sweep_csv.h"
#include "sweep/sweep_junit.h"
#include "sweep/sweep_markdown.h"
#include "sweep/sweep_report.h"
#include "sweep/sweep_table.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t count_char(const std::string& s, char c) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), c));
}

class SweepReports : public ::testing::Test {
 protected:
  SweepReports() {
    test::Loaded in = test::load({test::kClasses}, "off,64,quarter", "4096,8K");
    GateInput gate;
    gate.settings.budgets["classes"].max_collections = 4;
    report_ = make_report(run_sweep(in.spec, in.traces, std::nullopt, 2), gate);
  }
  SweepReport report_;
};

TEST_F(SweepReports, CsvRowsMatchTheHeader) {
  std::ostringstream out;
  write_sweep_csv(out, report_);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_TRUE(lines[0].starts_with(
      "index,trace,threshold,heap,threshold_requested,threshold_effective,heap_bytes,"));
  EXPECT_TRUE(lines[0].ends_with(",gc_cycles,gc_time_ms,margin_holds,safety,recommended"));
  for (const std::string& line : lines) {
    EXPECT_EQ(count_char(line, ','), count_char(lines[0], ',')) << line;
  }
  EXPECT_TRUE(lines[1].starts_with("0,classes,off,4096,-1,-1,4096,124,3968,23,")) << lines[1];
  std::size_t marked = 0;
  for (const std::string& line : lines) marked += line.ends_with(",best");
  EXPECT_EQ(marked, 1u);
}

TEST_F(SweepReports, MarkdownTableRowsHaveTheHeadersCells) {
  std::ostringstream out;
  write_sweep_markdown(out, report_);
  const auto lines = lines_of(out.str());
  std::size_t header = 0;
  while (header < lines.size() && !lines[header].starts_with("| | threshold")) ++header;
  ASSERT_LT(header, lines.size()) << out.str();
  const std::size_t pipes = count_char(lines[header], '|');
  EXPECT_EQ(count_char(lines[header + 1], '|'), pipes);
  for (std::size_t i = header + 2; i < header + 8; ++i) {
    EXPECT_EQ(count_char(lines[i], '|'), pipes) << lines[i];
  }
  EXPECT_NE(out.str().find("**Recommended** (★): `threshold="), std::string::npos);
  EXPECT_NE(out.str().find("### Gate: FAILED"), std::string::npos);
}

TEST_F(SweepReports, JunitCountsAddUp) {
  std::ostringstream out;
  write_sweep_junit(out, report_);
  const std::string xml = out.str();
  EXPECT_TRUE(xml.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gcsim sweep\" tests=\"7\""));
  std::size_t cases = 0, failures = 0;
  for (std::size_t at = 0; (at = xml.find("<testcase ", at)) != std::string::npos; ++at) ++cases;
  for (std::size_t at = 0; (at = xml.find("<failure ", at)) != std::string::npos; ++at) ++failures;
  EXPECT_EQ(cases, 7u);  // the trace's "read", and a budget check per cell
  EXPECT_NE(xml.find("name=\"trace: read\""), std::string::npos);
  EXPECT_EQ(failures, report_.gate->count(CheckStatus::failed));
  EXPECT_NE(xml.find("name=\"threshold=off heap=4096: max_collections\""), std::string::npos);
}

TEST(SweepReportsJunit, WithoutAGateCellsWithMemoryErrorsFail) {
  test::Loaded in = test::load({test::kClasses}, "off,64", "4096,64K");
  const SweepReport report = make_report(run_sweep(in.spec, in.traces, std::nullopt, 2), {});
  std::ostringstream out;
  write_sweep_junit(out, report);
  const std::string xml = out.str();
  std::size_t failing = 0;
  for (const CellResult& c : report.result.cells) failing += count_of(c, "failures.total") > 0;
  EXPECT_EQ(failing, 2u);  // the 4 KiB cells: classes.jsonl asks for 8,000 bytes at once
  EXPECT_NE(xml.find("tests=\"4\" failures=\"2\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("name=\"threshold=off heap=4096: replay\">\n      <failure message=\"3 "
                     "MemoryErrors (capacity/fragmentation/disabled 1/1/1)\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("name=\"threshold=off heap=65536: replay\"/>"), std::string::npos) << xml;
}

TEST(SweepReportsJunit, AGateErrorIsAFailingCase) {
  test::Loaded in = test::load({test::kClasses}, "off", "4096");
  const SweepResult r = run_sweep(in.spec, in.traces, std::nullopt, 2);
  SweepResult other = r;
  other.spec.traces[0].name = "another";
  GateInput gate;
  gate.settings.baseline_file = "other.json";
  gate.baseline = other;
  const SweepReport report = make_report(r, gate);
  std::ostringstream out;
  write_sweep_junit(out, report);
  EXPECT_NE(out.str().find("<testsuite name=\"gate\" tests=\"1\" failures=\"1\" skipped=\"0\">\n"
                           "    <testcase classname=\"gcsim.sweep.gate\" name=\"gate\">\n"
                           "      <failure message=\"the baseline other.json matches none of the 1 "
                           "cells"),
            std::string::npos)
      << out.str();
}

TEST_F(SweepReports, TableMarksTheRecommendation) {
  std::ostringstream out;
  print_sweep_table(out, report_);
  const std::string text = out.str();
  EXPECT_TRUE(text.starts_with("gcsim sweep: 1 trace x 3 thresholds x 2 heap sizes = 6 cells\n"))
      << text;
  EXPECT_NE(text.find("\n  recommended  threshold="), std::string::npos) << text;
  EXPECT_NE(text.find("\n  *  "), std::string::npos) << text;
  EXPECT_NE(text.find("-> FAIL\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace gcsim::sweep
