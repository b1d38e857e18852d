#include "sweep/gate.h"

#include <algorithm>

#include "sweep/baseline.h"

namespace gcsim::sweep {

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::passed:
      return "pass";
    case CheckStatus::failed:
      return "fail";
    case CheckStatus::skipped:
      break;
  }
  return "skip";
}

std::size_t Gate::count(CheckStatus status) const {
  return static_cast<std::size_t>(std::count_if(
      checks.begin(), checks.end(), [&](const Check& c) { return c.status == status; }));
}

Gate run_gate(const SweepResult& result, const GateInput& input) {
  Gate gate{input.baseline_file, input.tolerance_text, {}};
  if (input.baseline) {
    gate.checks = compare_with_baseline(result, *input.baseline, input.tolerances);
  }
  std::vector<Check> budgets = check_budgets(result, input.budgets);
  gate.checks.insert(gate.checks.end(), budgets.begin(), budgets.end());
  // By cell; within a cell, baseline first, then budgets in their fixed order.
  std::stable_sort(gate.checks.begin(), gate.checks.end(),
                   [](const Check& a, const Check& b) { return a.cell < b.cell; });
  return gate;
}

}  // namespace gcsim::sweep
