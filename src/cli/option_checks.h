// Checks and conversions shared by the commands' options, so that each refusal names what the
// user typed and what would be valid in words ("a whole number, 1 or more"), not CLI11's
// numeric limits.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace gcsim::cli {

// "512K", "512KiB", "0x80000" → "524288" before CLI11 converts the value (text/byte_size.h).
CLI::Validator byte_size_transform();

// A plain decimal whole number within MIN..MAX, for an unsigned option: CLI11 (2.1) converts
// with strtoull, which takes "-1" as 2^64 - 1, saturates past 2^64 and reads "010" as octal, all
// silently, and its PositiveNumber names a 309-digit range. The refusal says the range in words
// ("of 1 or more", "more than 1,099,511,627,776").
CLI::Validator whole_number(std::uint64_t min = 0,
                            std::uint64_t max = std::numeric_limits<std::uint64_t>::max());

// report and heapmap replay their trace twice (the second time to the point they draw), which a
// pipe cannot give: "-" is refused with one line saying so. Throws std::invalid_argument.
void refuse_stdin_trace(std::string_view command, const std::string& trace);

}  // namespace gcsim::cli
