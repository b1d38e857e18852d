// Numbers as people read them in gcsim's text reports: 518,144 (thousands grouped with commas,
// whatever the machine's locale), 506.0 KiB, 12.3%.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gcsim {

std::string grouped(std::uint64_t n);
std::string grouped(std::int64_t n);
// 518144 → "506.0 KiB"; below 1 KiB plain bytes ("992 B").
std::string human_bytes(std::uint64_t n_bytes);
std::string percent(double fraction);  // 0.123 → "12.3%"
// 12067.8127 with 3 places → "12,067.813": thousands grouped as grouped() does.
std::string grouped_decimal(double value, int places);
// part / whole as percent() does, except that only the whole reads 100.0% and only nothing
// reads 0.0%: 518,112 of 518,144 bytes is "99.9%", not "100.0%"; 0 of 0 is "0.0%".
std::string percent_of(std::uint64_t part, std::uint64_t whole);
// 1 → "1 collection", 2 → "2 collections", 1234 → "1,234 collections".
std::string plural(std::uint64_t n, std::string_view one, std::string_view many);

}  // namespace gcsim
