// The replay metrics, declared once: a dotted key (its place in the JSON summary and its CSV
// column), a label for people, a kind and a unit. The text summary, the JSON summary, sweeps
// and baseline comparisons all iterate this list, so a metric added here appears everywhere.
// The list is part of the schema kReplaySchema; changing a key means a new schema version.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "replay/recorder.h"

namespace gcsim {

inline constexpr std::string_view kReplaySchema = "gcsim-replay/1";

enum class MetricKind : std::uint8_t {
  counter,  // adds up over the run (collections, failures, bytes requested)
  gauge,    // a level at a point (peak, lowest, final)
};

// Which direction is worse, for baseline gates.
enum class Worse : std::uint8_t { higher, lower, neither };

using MetricValue = std::variant<std::uint64_t, double>;

struct Metric {
  std::string_view key;    // "collections.total"
  std::string_view label;  // "collections"
  MetricKind kind;
  std::string_view unit;  // "bytes", "blocks", "events", "count", "ratio", "event"
  Worse worse;
  MetricValue (*value)(const ReplaySummary&);
};

std::span<const Metric> replay_metrics();
const Metric* find_metric(std::string_view key);
double as_double(const MetricValue& v);

}  // namespace gcsim
