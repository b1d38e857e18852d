// A CLI11 check for an unsigned option: the text must be a plain decimal number within
// MIN..MAX. CLI11 (2.1) converts with strtoull, which takes "-1" as 2^64 - 1, saturates past
// 2^64 and reads "010" as octal, all silently; and its PositiveNumber names a 309-digit range.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>

namespace gcsim::cli {

CLI::Validator whole_number(std::uint64_t min = 0,
                            std::uint64_t max = std::numeric_limits<std::uint64_t>::max());

}  // namespace gcsim::cli
