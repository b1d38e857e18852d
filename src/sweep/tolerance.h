// Per-metric tolerances for the baseline gate: `--tolerance collections=5%,peak=0,lowest=4K`.
//
// A name picks metrics of report/metrics.h that have a worse direction: the key itself
// ("collections.total"), or every key it starts before a '.' or '_' ("collections" →
// collections.total/.threshold/.oom; "peak" → peak_mem_alloc; "lowest" → lowest_mem_free,
// lowest_max_free), or "all". Where names overlap the longest wins. A value is absolute in the
// metric's unit (0, 4096, 4K, 0.02 for a ratio) or relative to the baseline ("5%"). Metrics no
// name picks have tolerance 0: any change in the worse direction is a regression.
// failures.* take no tolerance: any new MemoryError fails.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/metrics.h"

namespace gcsim::sweep {

struct Tolerance {
  std::string name;
  double amount = 0;
  bool relative = false;  // amount is a percentage of the baseline value
};

class Tolerances {
 public:
  Tolerances() = default;
  // Throws std::invalid_argument naming the bad item.
  static Tolerances parse(std::string_view text);

  // How far past `baseline` (in the worse direction) the metric may go.
  double allowance(const Metric& metric, double baseline) const;
  // "5%", "4096", "0": the tolerance as given, for reports.
  std::string describe(const Metric& metric) const;

 private:
  const Tolerance* find(const Metric& metric) const;
  std::vector<Tolerance> items_;
};

// Whether the baseline gate compares this metric (it has a worse direction).
bool gated(const Metric& metric);
bool is_failure_metric(const Metric& metric);

}  // namespace gcsim::sweep
