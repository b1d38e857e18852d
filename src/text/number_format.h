// Numbers as people read them in gcsim's text reports: 518,144 (thousands grouped with commas,
// whatever the machine's locale), 506.0 KiB, 12.3%.
#pragma once

#include <cstdint>
#include <string>

namespace gcsim {

std::string grouped(std::uint64_t n);
std::string grouped(std::int64_t n);
// 518144 → "506.0 KiB"; below 1 KiB plain bytes ("992 B").
std::string human_bytes(std::uint64_t n_bytes);
std::string percent(double fraction);  // 0.123 → "12.3%"

}  // namespace gcsim
