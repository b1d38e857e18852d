// The recommended setting of each trace, by an explicit rule applied in order:
//
//   1. no MemoryError (fewest failures.total)
//   2. least GC work (the cost model's estimated cycles: blocks marked and swept, collections)
//   3. largest lowest-free-run (lowest_max_free: the room left for the biggest allocation)
//   then, to break exact ties, the smaller heap and the earlier cell in the grid.
//
// The runner-up is the next cell by the same order; `reason` says which rule put the best
// first, with both values. Only a whole sweep is ranked (a shard's share is not: merge first).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/result.h"

namespace gcsim::sweep {

inline constexpr std::string_view kRecommendationRule =
    "no MemoryError > least GC work > largest lowest free run > smaller heap";

enum class DecidedBy : std::uint8_t {
  only_setting,
  failures,
  gc_work,
  lowest_max_free,
  heap,
  grid_order
};

struct Recommendation {
  std::size_t trace = 0;
  std::size_t best = 0;                  // cell index
  std::optional<std::size_t> runner_up;  // cell index; none with one setting
  DecidedBy decided_by = DecidedBy::only_setting;
  std::string reason;
};

// One per trace, in trace order; nothing for a shard.
std::vector<Recommendation> recommend(const SweepResult& result);

}  // namespace gcsim::sweep
