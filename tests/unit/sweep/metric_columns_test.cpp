// Every metric in a sweep's CSV and JSON: does each metric of the summary (GCSIM_REPLAY_METRICS)
// have its column in the CSV, named by its key, and its place in each JSON cell, each with the
// cell's own value? The cell is given a value per metric that no other has. (The replay's text,
// JSON and HTML: tests/unit/report/summary_outputs_test.cpp.)
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "sweep/sweep_csv.h"
#include "sweep/sweep_json.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();  // an empty last column
  return out;
}

class MetricColumns : public ::testing::Test {
 protected:
  MetricColumns() {
    test::Loaded in = test::load({test::kClasses}, "off", "4096");
    report_.result.spec = in.spec;
    CellResult cell;
    std::uint64_t k = 0;
#define GCSIM_DISTINCT(member, initial, key, label, kind, unit, worse) \
  ++k;                                                                 \
  summary_.member = MetricUnit::unit == MetricUnit::ratio ? static_cast<double>(k) / 64 : k * 1001;
    GCSIM_REPLAY_METRICS(GCSIM_DISTINCT)
#undef GCSIM_DISTINCT
    for (const Metric& m : replay_metrics()) cell.metrics.push_back(m.value(summary_));
    report_.result.cells.push_back(cell);
  }

  ReplaySummary summary_;
  SweepReport report_;
};

TEST_F(MetricColumns, EveryMetricHasItsColumnInTheCsv) {
  std::ostringstream out;
  write_sweep_csv(out, report_);
  std::istringstream lines(out.str());
  std::string header, row;
  ASSERT_TRUE(std::getline(lines, header));
  ASSERT_TRUE(std::getline(lines, row));
  const std::vector<std::string> names = split(header), cells = split(row);
  ASSERT_EQ(names.size(), cells.size());
  for (const Metric& m : replay_metrics()) {
    const auto at = std::find(names.begin(), names.end(), m.key);
    ASSERT_NE(at, names.end()) << m.key;
    EXPECT_EQ(std::count(names.begin(), names.end(), m.key), 1) << m.key;
    const std::string& got = cells[static_cast<std::size_t>(at - names.begin())];
    std::visit([&](auto v) { EXPECT_EQ(got, fmt::format("{}", v)) << m.key; }, m.value(summary_));
  }
}

TEST_F(MetricColumns, EveryMetricIsInEachJsonCellAtItsKey) {
  const nlohmann::ordered_json cell = sweep_to_json(report_)["cells"][0];
  for (const Metric& m : replay_metrics()) {
    std::string path = "/" + std::string(m.key);
    for (char& c : path) c = c == '.' ? '/' : c;
    const nlohmann::ordered_json::json_pointer at(path);
    ASSERT_TRUE(cell.contains(at)) << m.key;
    std::visit([&](auto v) { EXPECT_EQ(cell[at].get<decltype(v)>(), v) << m.key; },
               m.value(summary_));
  }
}

}  // namespace
}  // namespace gcsim::sweep
