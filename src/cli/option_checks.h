// Checks and conversions shared by the commands' options, so that each refusal names what the
// user typed and what would be valid in words ("a whole number, 1 or more"), not CLI11's
// numeric limits.
#pragma once

#include <CLI/CLI.hpp>

namespace gcsim::cli {

// "512K", "512KiB", "0x80000" → "524288" before CLI11 converts the value (text/byte_size.h).
CLI::Validator byte_size_transform();

// A whole number of 1 or more (a count, a step): refuses 0, signs, fractions and words.
CLI::Validator at_least_one();

}  // namespace gcsim::cli
