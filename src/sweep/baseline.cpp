#include "sweep/baseline.h"

#include <fmt/format.h>
#include <map>
#include <tuple>

#include "text/number_format.h"

namespace gcsim::sweep {
namespace {

using CellKey = std::tuple<std::string, std::string>;  // trace name, setting name

CellKey key_of(const SweepResult& r, const CellResult& c) {
  return {r.spec.traces[c.coord.trace].name, setting_name(r.spec, c)};
}

// The breach of one metric, or nothing when it is within tolerance.
std::optional<std::string> breach(const Metric& m, const MetricValue& now, const MetricValue& base,
                                  const Tolerances& tolerances) {
  const double a = as_double(now), b = as_double(base);
  const double allowance = tolerances.allowance(m, b);
  const bool worse = m.worse == Worse::higher ? a > b + allowance : a < b - allowance;
  if (!worse) return std::nullopt;
  const std::string change = b == 0 ? std::string() : fmt::format(" ({:+.1f}%)", (a - b) / b * 100);
  return fmt::format("{} {} -> {}{}, tolerance {}", m.key, metric_text(base), metric_text(now),
                     change, tolerances.describe(m));
}

Check compare(const CellResult& cell, const CellResult& base, const Tolerances& tolerances) {
  Check check{cell.coord.trace, cell.index, "baseline", CheckStatus::passed, ""};
  std::string breaches;
  const std::uint64_t failures_now = count_of(cell, "failures.total");
  const std::uint64_t failures_base = count_of(base, "failures.total");
  if (failures_now > failures_base) {
    breaches = fmt::format("new MemoryError: failures.total {} -> {}", grouped(failures_base),
                           grouped(failures_now));
  }
  std::size_t compared = 0;
  const auto metrics = replay_metrics();
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (!gated(metrics[i]) || metrics[i].key == "failures.total") continue;
    ++compared;
    if (auto b = breach(metrics[i], cell.metrics[i], base.metrics[i], tolerances)) {
      breaches += (breaches.empty() ? "" : "; ") + *b;
    }
  }
  if (breaches.empty()) {
    check.message = fmt::format("{} metrics within tolerance of the baseline", compared + 1);
  } else {
    check.status = CheckStatus::failed;
    check.message = breaches;
  }
  return check;
}

}  // namespace

std::vector<Check> compare_with_baseline(const SweepResult& now, const SweepResult& baseline,
                                         const Tolerances& tolerances) {
  std::map<CellKey, const CellResult*> base_cells;
  for (const CellResult& c : baseline.cells) base_cells.emplace(key_of(baseline, c), &c);
  std::vector<Check> checks;
  for (const CellResult& cell : now.cells) {
    const auto it = base_cells.find(key_of(now, cell));
    if (it == base_cells.end()) {
      checks.push_back(
          {cell.coord.trace, cell.index, "baseline", CheckStatus::skipped, "not in the baseline"});
    } else {
      checks.push_back(compare(cell, *it->second, tolerances));
    }
  }
  return checks;
}

}  // namespace gcsim::sweep
