#include "sweep/budgets.h"

#include <fmt/format.h>
#include <stdexcept>

#include "text/number_format.h"
#include "text/quote.h"

namespace gcsim::sweep {
namespace {

// The budget a trace keeps: "*" with the trace's own fields on top.
Budget budget_for(const Budgets& budgets, const std::string& trace) {
  Budget b;
  for (const char* name : {"*", trace.c_str()}) {
    const auto it = budgets.find(name);
    if (it == budgets.end()) continue;
    const Budget& from = it->second;
    for (const BudgetField& f : budget_fields()) {
      if (from.*f.field) b.*f.field = from.*f.field;
    }
  }
  return b;
}

struct Limit {
  const char* name;
  std::optional<std::uint64_t> Budget::*field;
  const char* metric;
  bool at_most;  // else at least
};

constexpr Limit kLimits[] = {
    {"max_failures", &Budget::max_failures, "failures.total", true},
    {"max_collections", &Budget::max_collections, "collections.total", true},
    {"max_peak", &Budget::max_peak, "peak_mem_alloc", true},
    {"min_largest_free", &Budget::min_largest_free, "lowest_max_free", false},
};

constexpr BudgetField kFields[] = {
    {"max_failures", &Budget::max_failures},
    {"max_collections", &Budget::max_collections},
    {"max_peak", &Budget::max_peak},
    {"min_largest_free", &Budget::min_largest_free},
};

}  // namespace

std::span<const BudgetField> budget_fields() { return kFields; }

void check_budget_names(const Budgets& budgets, const std::vector<SweepTrace>& traces) {
  for (const auto& [name, budget] : budgets) {
    bool known = name == "*";
    for (const SweepTrace& t : traces) known = known || t.name == name;
    if (!known) {
      throw std::invalid_argument(
          fmt::format("budget for {}: the sweep has no such trace", quote(name)));
    }
  }
}

std::vector<Check> check_budgets(const SweepResult& result, const Budgets& budgets) {
  check_budget_names(budgets, result.spec.traces);
  std::vector<Check> checks;
  for (const CellResult& cell : result.cells) {
    const Budget b = budget_for(budgets, result.spec.traces[cell.coord.trace].name);
    for (const Limit& limit : kLimits) {
      if (!(b.*limit.field)) continue;
      const std::uint64_t value = count_of(cell, limit.metric);
      const std::uint64_t bound = *(b.*limit.field);
      const bool ok = limit.at_most ? value <= bound : value >= bound;
      checks.push_back(
          {cell.coord.trace, cell.index, limit.name, ok ? CheckStatus::passed : CheckStatus::failed,
           fmt::format("{} {} {} {} {}", limit.metric, grouped(value),
                       ok ? (limit.at_most ? "<=" : ">=") : (limit.at_most ? ">" : "<"), limit.name,
                       grouped(bound))});
    }
  }
  return checks;
}

}  // namespace gcsim::sweep
