// The recommended setting of each trace, for the goal the sweep was given (--prefer), by an
// explicit rule applied in order:
//
//   heap (default)  safe > smallest heap > least est. GC time > grid order
//   gc-time         safe > least est. GC time > smallest heap > grid order
//   free-run        safe > largest lowest free run > least est. GC time > smallest heap
//                   > grid order
//
// Safe: the cell has no MemoryError, no larger heap of the grid has one at its threshold (with
// --min-heap, no larger heap at all up to the search bound), and, with a --safety-margin,
// neither has any heap from the margin below its heap up to it (each replayed: runner.h). On the
// K210 every byte of GC heap is taken from the system heap the KPU models load into, so the default
// goal is the smallest safe heap, then the threshold that costs the least GC time on it. Cells that
// are not safe rank after every safe one, fewest MemoryErrors first, then by the goal.
//
// The runner-up is the next cell by the same order; `reason` says which rule put the best
// first, with both values, and `runner_up_cost` what taking the runner-up instead would cost:
// KPU bytes (k210 preset) or heap bytes, and est. GC ms. Only a whole sweep is ranked (a
// shard's share is not: merge first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/result.h"

namespace gcsim::sweep {

enum class Safety : std::uint8_t {
  safe,
  fails,              // the cell has MemoryErrors
  larger_heap_fails,  // a larger heap of the grid (or of the --min-heap scan) at the same
                      // threshold has MemoryErrors
  margin_fails,       // a heap within the safety margin below it has MemoryErrors
};
std::string_view safety_name(Safety s);  // "safe", "fails", "larger_heap_fails", "margin_fails"

struct CellSafety {
  Safety safety = Safety::safe;
  // larger_heap_fails: the smallest larger heap of the grid that fails (cell index)
  std::optional<std::size_t> failing_cell;
  std::string why;  // for people: "no MemoryError here or on a larger heap", ...
};

// One per cell of the result, in its order; nothing for a shard.
std::vector<CellSafety> cell_safety(const SweepResult& result);

enum class DecidedBy : std::uint8_t {
  only_setting,
  safety,
  failures,
  heap,
  gc_time,
  free_run,
  grid_order
};
std::string_view decided_by_name(DecidedBy by);

// What the runner-up costs against the best: positive is more.
struct RunnerUpCost {
  std::int64_t heap_bytes = 0;
  std::optional<std::int64_t> kpu_bytes;  // k210: bytes the KPU gets (minus: fewer)
  double gc_ms = 0;
};

struct Recommendation {
  std::size_t trace = 0;
  std::size_t best = 0;                  // cell index
  std::optional<std::size_t> runner_up;  // cell index; none with one setting
  DecidedBy decided_by = DecidedBy::only_setting;
  bool safe = false;  // the best is safe
  std::string reason;
  std::optional<RunnerUpCost> runner_up_cost;
  std::string runner_up_text;  // "costs 262,144 KPU bytes and +0.000 ms GC", or ""
};

// The rule of the spec's goal in words (the lines above), with what safe means.
std::string recommendation_rule(const SweepSpec& spec);

// One per trace, in trace order; nothing for a shard. `safety` from cell_safety(result).
std::vector<Recommendation> recommend(const SweepResult& result,
                                      const std::vector<CellSafety>& safety);
// The same, with the safety computed.
std::vector<Recommendation> recommend(const SweepResult& result);

}  // namespace gcsim::sweep
