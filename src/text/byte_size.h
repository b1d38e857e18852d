// Sizes as users write them on the command line and in sweep configs: "4096", "4K", "512k",
// "1M" (K = 1024, M = 1024 K). One parser, so that a size a sweep printed can be passed back
// to replay as it was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gcsim {

// Bytes, or nothing if `text` is not digits with an optional K or M. A size past 2^64 − 1
// comes back as 2^64 − 1, so that a caller's upper limit rejects it.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

}  // namespace gcsim
