// The CI gate: checks on every trace and cell a sweep ran, against a baseline (a previous
// sweep's JSON, baseline.h) and per-trace budgets (budgets.h). It fails — the command exits 1 —
// when a check fails, and also when it could pass without checking anything:
//
//   a trace with a reader warning (cut short: a truncated last line, a gzip stream that ends
//   early) fails its "read" check; one whose event count differs from the baseline's trace of
//   that name fails "events";
//   a baseline that matches none of the cells, or a gate whose cell checks were all skipped
//   (or that has none), fails with a gate error, unless --allow-missing-baseline (a first run,
//   before a baseline exists; a baseline file that does not exist is then no error either).
//
// Checks are listed trace by trace: the trace's own ("read", "events"), then by cell, baseline
// before budgets.
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

// What a gate checks against, as given: part of the result's JSON, so that `gcsim merge` can
// tell a merge that gates differently from its shards.
struct GateSettings {
  std::optional<std::string> baseline_file;
  std::string tolerance;  // as given
  Budgets budgets;
  bool allow_missing_baseline = false;
  bool operator==(const GateSettings&) const = default;
};

struct Gate {
  GateSettings settings;
  bool baseline_missing = false;    // the file did not exist (allowed)
  std::vector<std::string> errors;  // why it fails though no check failed
  std::vector<Check> checks;

  std::size_t count(CheckStatus status) const;
  bool passed() const { return errors.empty() && count(CheckStatus::failed) == 0; }
  // One line on why it failed: the first error, else the failed checks and the first of them.
  std::string failure_line(const SweepResult& result) const;
};

struct GateInput {
  GateSettings settings;
  std::optional<SweepResult> baseline;  // read from settings.baseline_file; none if missing
  Tolerances tolerances;
};

// Reads the baseline and parses the tolerance. Throws std::invalid_argument ("--tolerance: ...")
// and std::runtime_error (a baseline that cannot be read, unless missing and allowed).
GateInput read_gate_input(GateSettings settings);

// Throws std::invalid_argument for a budget naming no trace.
Gate run_gate(const SweepResult& result, const GateInput& input);

}  // namespace gcsim::sweep
