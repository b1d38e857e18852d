// One gate check on one cell: a baseline comparison or a budget, with its verdict and what it
// compared. The JUnit report makes one test case of each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gcsim::sweep {

enum class CheckStatus : std::uint8_t { passed, failed, skipped };

struct Check {
  std::size_t cell = 0;  // cell index
  // "baseline", "max_failures", "max_collections", "max_peak" or "min_largest_free"
  std::string name;
  CheckStatus status = CheckStatus::passed;
  std::string message;  // what was compared; for a failure every breach, "; "-separated
};

std::string_view status_name(CheckStatus status);  // "pass", "fail", "skip"

}  // namespace gcsim::sweep
