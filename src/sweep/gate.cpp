#include "sweep/gate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "sweep/baseline.h"
#include "sweep/sweep_json_read.h"
#include "text/number_format.h"

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

std::string Gate::failure_line(const SweepResult& result) const {
  if (!errors.empty()) return errors.front();
  const auto first = std::find_if(checks.begin(), checks.end(),
                                  [](const Check& c) { return c.status == CheckStatus::failed; });
  if (first == checks.end()) return "";
  std::string where = result.spec.traces[first->trace].name;
  if (first->cell) {
    where = fmt::format("{} {}", where,
                        setting_name(result.spec, cell_with_index(result, *first->cell)));
  }
  return fmt::format("{} of {} checks failed; first: {} {}: {}", count(CheckStatus::failed),
                     checks.size(), where, first->name, first->message);
}

GateInput read_gate_input(GateSettings settings) {
  GateInput in;
  if (!settings.tolerance.empty() && !settings.baseline_file) {
    throw std::invalid_argument("--tolerance: needs a --baseline to compare with");
  }
  try {
    in.tolerances = Tolerances::parse(settings.tolerance);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(fmt::format("--tolerance: {}", e.what()));
  }
  const bool missing = settings.baseline_file && settings.allow_missing_baseline &&
                       !std::filesystem::exists(*settings.baseline_file);
  if (settings.baseline_file && !missing) in.baseline = read_sweep_json(*settings.baseline_file);
  in.settings = std::move(settings);
  return in;
}

namespace {

// "read": the trace was read to its end; a reader warning means it was cut short.
Check read_check(const SweepTrace& trace, std::size_t t) {
  if (trace.warnings.empty()) {
    return {t, std::nullopt, "read", CheckStatus::passed,
            fmt::format("read to the end: {} events", grouped(trace.events))};
  }
  return {t, std::nullopt, "read", CheckStatus::failed,
          fmt::format("cut short, {} events read: {}", grouped(trace.events),
                      fmt::join(trace.warnings, "; "))};
}

// "events": as many events as the baseline's trace of the same name.
Check events_check(const SweepTrace& trace, std::size_t t, const SweepResult& baseline) {
  for (const SweepTrace& b : baseline.spec.traces) {
    if (b.name != trace.name) continue;
    if (b.events == trace.events) {
      return {t, std::nullopt, "events", CheckStatus::passed,
              fmt::format("{} events, as in the baseline", grouped(trace.events))};
    }
    return {t, std::nullopt, "events", CheckStatus::failed,
            fmt::format("{} events, the baseline's trace has {}: another recording",
                        grouped(trace.events), grouped(b.events))};
  }
  return {t, std::nullopt, "events", CheckStatus::skipped, "not in the baseline"};
}

}  // namespace

Gate run_gate(const SweepResult& result, const GateInput& input) {
  Gate gate;
  gate.settings = input.settings;
  gate.baseline_missing = input.settings.baseline_file && !input.baseline;
  std::vector<Check> cells;
  if (input.baseline) cells = compare_with_baseline(result, *input.baseline, input.tolerances);
  std::vector<Check> budgets = check_budgets(result, input.settings.budgets);
  cells.insert(cells.end(), budgets.begin(), budgets.end());
  // By cell; within a cell, baseline first, then budgets in their fixed order.
  std::stable_sort(cells.begin(), cells.end(),
                   [](const Check& a, const Check& b) { return *a.cell < *b.cell; });

  const std::size_t cell_checks = cells.size();
  const auto ran = static_cast<std::size_t>(std::count_if(
      cells.begin(), cells.end(), [](const Check& c) { return c.status != CheckStatus::skipped; }));
  const auto matched =
      static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [](const Check& c) {
        return c.name == "baseline" && c.status != CheckStatus::skipped;
      }));
  auto next_cell = cells.begin();
  for (std::size_t t = 0; t < result.spec.traces.size(); ++t) {
    gate.checks.push_back(read_check(result.spec.traces[t], t));
    if (input.baseline)
      gate.checks.push_back(events_check(result.spec.traces[t], t, *input.baseline));
    while (next_cell != cells.end() && next_cell->trace == t) gate.checks.push_back(*next_cell++);
  }

  if (input.settings.allow_missing_baseline) return gate;
  const std::string hint = " (--allow-missing-baseline for a first run)";
  if (input.baseline && matched == 0) {
    gate.errors.push_back(fmt::format(
        "the baseline {} matches none of the {} cells: it names other traces, thresholds or heap "
        "sizes{}",
        *input.settings.baseline_file, grouped(std::uint64_t{result.cells.size()}), hint));
  } else if (ran == 0) {
    gate.errors.push_back(
        cell_checks == 0
            ? fmt::format("no cell was checked: the gate has no check of any cell{}", hint)
            : fmt::format("all {} cell checks were skipped{}", cell_checks, hint));
  }
  return gate;
}

}  // namespace gcsim::sweep
