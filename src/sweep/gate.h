// The CI gate: checks on every cell a sweep ran, against a baseline (a previous sweep's JSON,
// baseline.h) and against per-trace budgets (budgets.h). A gate with a failed check makes the
// command exit 1. Checks are listed by cell index, then baseline before budgets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sweep/budgets.h"
#include "sweep/check.h"
#include "sweep/result.h"
#include "sweep/tolerance.h"

namespace gcsim::sweep {

struct Gate {
  std::optional<std::string> baseline_file;
  std::string tolerance;  // as given
  std::vector<Check> checks;

  std::size_t count(CheckStatus status) const;
  bool passed() const { return count(CheckStatus::failed) == 0; }
};

struct GateInput {
  std::optional<std::string> baseline_file;
  std::optional<SweepResult> baseline;  // read from baseline_file
  std::string tolerance_text;
  Tolerances tolerances;
  Budgets budgets;
};

// Throws std::invalid_argument for a budget naming no trace.
Gate run_gate(const SweepResult& result, const GateInput& input);

}  // namespace gcsim::sweep
