// `gcsim sweep TRACE... [--config F] [--thresholds LIST] [--heap-sizes LIST] [-j N]
//  [--shard I/N] [--min-heap [--min-heap-to N]] [--prefer GOAL] [--safety-margin M]
//  [--baseline F] [--tolerance SPEC] [--allow-missing-baseline] [--json|--csv|--markdown|--junit
//  |--html F]`: parses the flags into a sweep::SweepRequest, prints what sweep/command.h
// decides (README "Sweeps").
//
// Also the parts `gcsim merge` shares: the report outputs and the gate flags.
#pragma once

#include <CLI/CLI.hpp>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "cli/output_file.h"
#include "cli/terminal.h"
#include "sweep/command.h"

namespace gcsim::cli {

void add_sweep_command(CLI::App& app, int& exit_code);

// --json, --csv, --markdown, --junit, --quiet, --color; and --html for `sweep` only, since the page
// draws each cell's replay, which a shard's JSON does not hold (`merge` has no --html).
struct SweepOutputOptions {
  std::optional<std::string> json, csv, markdown, junit, html;
  bool quiet = false;
  ColorMode color = ColorMode::automatic;
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
  ColorMode color() const { return color_; }
  // `replays`: one per cell of the report when wants_replays(), else none.
  void write(const sweep::SweepReport& report, const std::vector<sweep::CellReplay>& replays);

 private:
  bool quiet_;
  ColorMode color_;
  std::optional<OutputFile> json_, csv_, markdown_, junit_, html_;
  std::optional<std::ofstream> step_summary_;
};

// --baseline, --tolerance, --no-baseline, --allow-missing-baseline.
void add_gate_flags(CLI::App& cmd, sweep::GateRequest& gate);

// The --config and --baseline files, which no output may replace.
void protect_inputs(const std::optional<std::string>& config, const sweep::GateRequest& gate);

// Writes the report and returns the exit code: kExitRegression, with the one line on stderr
// saying why, when the gate failed.
int finish(const sweep::SweepReport& report, SweepOutputs& outputs,
           const std::vector<sweep::CellReplay>& replays = {});

}  // namespace gcsim::cli
