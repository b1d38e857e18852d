#include "text/byte_size.h"

#include <charconv>
#include <limits>

namespace gcsim {

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  std::uint64_t multiplier = 1;
  if (!text.empty()) {
    const char suffix = text.back();
    if (suffix == 'K' || suffix == 'k') multiplier = 1024;
    if (suffix == 'M' || suffix == 'm') multiplier = 1024 * 1024;
    if (multiplier != 1) text.remove_suffix(1);
  }
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
    return std::nullopt;
  }
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  if (ec == std::errc::result_out_of_range || n > kMax / multiplier) return kMax;
  return n * multiplier;
}

}  // namespace gcsim
