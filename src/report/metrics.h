// The replay metrics as a table: one Metric per entry of GCSIM_REPLAY_METRICS
// (replay/summary.h, where each is declared once), in that order, with a reader of its value.
// The text summary, the JSON summary, the HTML table, sweeps' CSV and JSON and baseline gates
// all iterate this table, so a metric added to the list appears everywhere.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "replay/summary.h"

namespace gcsim {

inline constexpr std::string_view kReplaySchema = "gcsim-replay/1";

using MetricValue = std::variant<std::uint64_t, double>;

struct Metric {
  std::string_view key;    // "collections.total"
  std::string_view label;  // "collections"
  MetricKind kind;
  std::string_view unit;  // "count", "bytes", "blocks", "event", "ratio"
  Worse worse;
  MetricValue (*value)(const ReplaySummary&);
};

std::span<const Metric> replay_metrics();
const Metric* find_metric(std::string_view key);
double as_double(const MetricValue& v);

}  // namespace gcsim
