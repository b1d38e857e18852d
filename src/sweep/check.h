// One gate check: of one cell (a baseline comparison, a budget) or of a whole trace (read to
// its end, as many events as in the baseline), with its verdict and what it compared. The
// JUnit report makes one test case of each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gcsim::sweep {

enum class CheckStatus : std::uint8_t { passed, failed, skipped };

struct Check {
  std::size_t trace = 0;            // in spec.traces
  std::optional<std::size_t> cell;  // cell index; none: a check of the whole trace
  // Cells: "baseline", "max_failures", "max_collections", "max_peak", "min_largest_free".
  // Traces: "read" (no reader warning: the trace was read to its end), "events" (as many as
  // the baseline's trace of that name).
  std::string name;
  CheckStatus status = CheckStatus::passed;
  std::string message;  // what was compared; for a failure every breach, "; "-separated
};

std::string_view status_name(CheckStatus status);  // "pass", "fail", "skip"

}  // namespace gcsim::sweep
