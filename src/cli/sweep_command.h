// `gcsim sweep TRACE... [--config F] [--thresholds LIST] [--heap-sizes LIST] [-j N]
//  [--shard I/N] [--min-heap] [--baseline F] [--tolerance SPEC] [--json|--csv|--markdown|--junit
//  |--html F]`:
// replays every trace × threshold × heap size and reports, recommends and gates (README "Sweeps").
//
// Also the parts `gcsim merge` shares: the report outputs and the gate options.
#pragma once

#include <CLI/CLI.hpp>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_file.h"
#include "sweep/gate.h"
#include "sweep/runner.h"
#include "sweep/sweep_report.h"

namespace gcsim::cli {

void add_sweep_command(CLI::App& app, int& exit_code);

// --json, --csv, --markdown, --junit, --quiet; and --html for `sweep` only, since the page
// draws each cell's replay, which a shard's JSON does not hold (`merge` has no --html).
struct SweepOutputOptions {
  std::optional<std::string> json, csv, markdown, junit, html;
  bool quiet = false;
  void add_to(CLI::App& cmd);
  void add_html_to(CLI::App& cmd);
};

// The outputs, opened at once so a bad path fails before any replay; write() prints the
// table (unless quiet), writes and commits every file, and appends the markdown to
// $GITHUB_STEP_SUMMARY when --markdown is given and the variable is set.
class SweepOutputs {
 public:
  explicit SweepOutputs(const SweepOutputOptions& options);
  // Whether the sweep must keep each cell's replay (for --html).
  bool wants_replays() const { return html_.has_value(); }
  // `replays`: one per cell of the report when wants_replays(), else none.
  void write(const sweep::SweepReport& report, const std::vector<sweep::CellReplay>& replays);

 private:
  bool quiet_;
  std::optional<OutputFile> json_, csv_, markdown_, junit_, html_;
  std::optional<std::ofstream> step_summary_;
};

// --baseline FILE and --tolerance SPEC, read and parsed before anything runs.
struct GateOptions {
  std::optional<std::string> baseline;
  std::optional<std::string> tolerance;
  void add_to(CLI::App& cmd);
};

// The report for a result (recommendations; the gate when there is a baseline or budgets),
// written to the outputs. Returns the exit code: kExitRegression when a gate check failed.
// `replays` as for SweepOutputs::write.
int report_sweep(sweep::SweepResult result, const std::optional<sweep::GateInput>& gate,
                 SweepOutputs& outputs, const std::vector<sweep::CellReplay>& replays = {});

// The gate input of the options (and budgets): nothing without a baseline or budgets. Reads
// the baseline; throws for a bad baseline file or tolerance.
std::optional<sweep::GateInput> gate_input(const GateOptions& options, sweep::Budgets budgets);

}  // namespace gcsim::cli
