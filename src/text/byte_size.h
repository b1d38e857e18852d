// Sizes as users write them on the command line and in sweep configs: "4096", "4K", "512k",
// "512KiB", "4KB", "1M", "1G" (binary: K = KB = KiB = 1024, M = 1024 K, G = 1024 M, any case,
// an optional B), or hex "0x80000". One parser, so that a size a sweep printed can be passed
// back to replay as it was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gcsim {

// Bytes, or nothing if `text` is not one of those forms. A size past 2^64 − 1
// comes back as 2^64 − 1, so that a caller's upper limit rejects it.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// The forms, for messages: "bytes: 524288, 512K, 512KiB, 3M or 0x80000".
inline constexpr std::string_view kByteSizeForms = "bytes: 524288, 512K, 512KiB, 3M or 0x80000";

}  // namespace gcsim
