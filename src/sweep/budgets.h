// Budgets per trace, from a sweep config (config.h): limits every cell of the trace must keep.
//
//   max_failures       failures.total   ≤ budget
//   max_collections    collections.total ≤ budget
//   max_peak           peak_mem_alloc   ≤ budget (bytes)
//   min_largest_free   lowest_max_free  ≥ budget (bytes)
//
// Budgets are named by trace; "*" applies to every trace, and a trace's own budget overrides
// it field by field.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/check.h"
#include "sweep/result.h"

namespace gcsim::sweep {

struct Budget {
  std::optional<std::uint64_t> max_failures, max_collections, max_peak, min_largest_free;
  bool operator==(const Budget&) const = default;
};

using Budgets = std::map<std::string, Budget>;  // trace name or "*"

// The fields of a budget by their key in a config (and a sweep's JSON), in this fixed order.
struct BudgetField {
  std::string_view key;
  std::optional<std::uint64_t> Budget::*field;
};
std::span<const BudgetField> budget_fields();

// Throws std::invalid_argument for a budget naming no trace of the sweep (a typo would
// otherwise check nothing).
void check_budget_names(const Budgets& budgets, const std::vector<SweepTrace>& traces);

// One check per cell and budget field set; checks the names first.
std::vector<Check> check_budgets(const SweepResult& result, const Budgets& budgets);

}  // namespace gcsim::sweep
