#include "report/metrics.h"

#include <array>

namespace gcsim {
namespace {

// One row per entry of the list: its declaration, and a reader of its member.
#define GCSIM_METRIC_ROW(member, initial, key_text, label_text, kind_name, unit_name, worse_name) \
  Metric{.key = key_text,                                                                         \
         .label = label_text,                                                                     \
         .kind = MetricKind::kind_name,                                                           \
         .unit = #unit_name,                                                                      \
         .worse = Worse::worse_name,                                                              \
         .value = [](const ReplaySummary& s) -> MetricValue { return s.member; }},
const std::array kMetrics = std::to_array<Metric>({GCSIM_REPLAY_METRICS(GCSIM_METRIC_ROW)});
#undef GCSIM_METRIC_ROW

}  // namespace

std::span<const Metric> replay_metrics() { return kMetrics; }

const Metric* find_metric(std::string_view key) {
  for (const Metric& m : kMetrics) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

double as_double(const MetricValue& v) {
  return std::visit([](auto x) { return static_cast<double>(x); }, v);
}

}  // namespace gcsim
