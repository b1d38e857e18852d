// Every metric in every output: does each member of ReplaySummary (GCSIM_REPLAY_METRICS) reach
// the JSON summary at its dotted key, the text summary on its own line in the list's order, and
// the HTML metrics table, each with its own value? Every member is given a value no other has,
// so a printer that skips a metric, repeats one or reads the wrong member fails. (The sweep's
// CSV and JSON: tests/unit/sweep/metric_columns_test.cpp.)
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "replay/summary.h"
#include "report/html/tables.h"
#include "report/metrics.h"
#include "report/replay_json.h"
#include "report/replay_text.h"
#include "text/number_format.h"

namespace gcsim {
namespace {

// 1,001, 2,002, … for counts and sizes; 1.1%, 2.2%, … for ratios: one value per member.
ReplaySummary distinct_summary() {
  ReplaySummary s;
  std::uint64_t k = 0;
#define GCSIM_DISTINCT(member, initial, key, label, kind, unit, worse) \
  ++k;                                                                 \
  s.member = MetricUnit::unit == MetricUnit::ratio ? static_cast<double>(k) * 0.011 : k * 1001;
  GCSIM_REPLAY_METRICS(GCSIM_DISTINCT)
#undef GCSIM_DISTINCT
  return s;
}

// How the value shows in text: grouped digits, or a percentage.
std::string shown(const Metric& m, const ReplaySummary& s) {
  const MetricValue v = m.value(s);
  if (std::holds_alternative<double>(v)) return percent(std::get<double>(v));
  return grouped(std::get<std::uint64_t>(v));
}

ReplayResult result_with(const ReplaySummary& s) {
  ReplayResult r;
  r.layout = *compute_layout(find_preset("k210")->params);
  r.settings.preset = "k210";
  r.summary = s;
  return r;
}

TEST(SummaryOutputs, TheListDeclaresEveryMemberOnceAndTheTableFollowsIt) {
  std::vector<std::string_view> keys;
#define GCSIM_KEY(member, initial, key, ...) keys.push_back(key);
  GCSIM_REPLAY_METRICS(GCSIM_KEY)
#undef GCSIM_KEY
  ASSERT_EQ(replay_metrics().size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(replay_metrics()[i].key, keys[i]);
    EXPECT_EQ(find_metric(keys[i]), &replay_metrics()[i]) << keys[i] << " is not unique";
  }
  // Every member distinct: no two metrics read the same one.
  const ReplaySummary s = distinct_summary();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      EXPECT_NE(replay_metrics()[i].value(s), replay_metrics()[j].value(s)) << keys[i];
    }
  }
}

TEST(SummaryOutputs, EveryMetricIsInTheJsonSummaryAtItsKey) {
  const ReplaySummary s = distinct_summary();
  const nlohmann::ordered_json summary = replay_to_json(result_with(s), "t.jsonl")["summary"];
  std::size_t leaves = 0;
  for (const Metric& m : replay_metrics()) {
    const nlohmann::ordered_json::json_pointer at("/" + [&] {
      std::string path(m.key);
      for (char& c : path) c = c == '.' ? '/' : c;
      return path;
    }());
    ASSERT_TRUE(summary.contains(at)) << m.key;
    if (std::holds_alternative<double>(m.value(s))) {
      EXPECT_DOUBLE_EQ(summary[at].get<double>(), std::get<double>(m.value(s))) << m.key;
    } else {
      EXPECT_EQ(summary[at].get<std::uint64_t>(), std::get<std::uint64_t>(m.value(s))) << m.key;
    }
  }
  // Nothing else: as many leaves as metrics.
  const auto count = [&](const auto& self, const nlohmann::ordered_json& j) -> void {
    for (const auto& v : j) v.is_object() ? self(self, v) : void(++leaves);
  };
  count(count, summary);
  EXPECT_EQ(leaves, replay_metrics().size());
}

TEST(SummaryOutputs, EveryMetricHasItsLineInTheTextSummaryInOrder) {
  const ReplaySummary s = distinct_summary();
  std::ostringstream out;
  print_replay_text(out, result_with(s), "t.jsonl");
  std::istringstream lines(out.str());
  std::string line;
  while (std::getline(lines, line) && line != "summary") {
  }
  for (const Metric& m : replay_metrics()) {
    ASSERT_TRUE(std::getline(lines, line)) << "the summary ends before " << m.key;
    EXPECT_TRUE(line.starts_with("  " + std::string(m.label))) << m.key << ": " << line;
    EXPECT_NE(line.find(" " + shown(m, s)), std::string::npos) << m.key << ": " << line;
  }
  if (std::getline(lines, line)) {
    EXPECT_EQ(line, "") << "a line after the last metric";
  }
}

TEST(SummaryOutputs, EveryMetricHasARowInTheHtmlTable) {
  const ReplaySummary s = distinct_summary();
  std::ostringstream out;
  write_metrics_table(out, s);
  const std::string html = out.str();
  std::size_t from = 0;
  for (const Metric& m : replay_metrics()) {
    const std::size_t key = html.find("<code>" + std::string(m.key) + "</code>", from);
    ASSERT_NE(key, std::string::npos) << m.key << " missing or out of order";
    const std::size_t row = html.rfind("<tr", key);
    EXPECT_NE(html.substr(row, key - row).find(shown(m, s)), std::string::npos) << m.key;
    from = key;
  }
}

}  // namespace
}  // namespace gcsim
