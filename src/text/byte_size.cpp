#include "text/byte_size.h"

#include <array>
#include <charconv>
#include <limits>
#include <string>
#include <utility>

namespace gcsim {
namespace {

// Suffixes, lower-cased, and what they multiply by: binary, as MicroPython's own docs mean KB.
constexpr std::array<std::pair<std::string_view, std::uint64_t>, 10> kSuffixes = {{
    {"b", 1},
    {"k", 1024},
    {"kb", 1024},
    {"kib", 1024},
    {"m", 1024 * 1024},
    {"mb", 1024 * 1024},
    {"mib", 1024 * 1024},
    {"g", 1024 * 1024 * 1024},
    {"gb", 1024 * 1024 * 1024},
    {"gib", 1024 * 1024 * 1024},
}};

std::optional<std::uint64_t> multiplier_of(std::string_view suffix) {
  if (suffix.empty()) return 1;
  std::string lower(suffix);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const auto& [name, multiplier] : kSuffixes) {
    if (lower == name) return multiplier;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
  // 0x80000, as mpconfig headers and `gcsim geometry` write CONFIG_MAIXPY_GC_HEAP_SIZE.
  const bool hex = text.starts_with("0x") || text.starts_with("0X");
  if (hex) text.remove_prefix(2);
  const int base = hex ? 16 : 10;
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n, base);
  if (text.empty() || ec == std::errc::invalid_argument || end == text.data()) return std::nullopt;
  const std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
  const std::optional<std::uint64_t> multiplier =
      hex ? (suffix.empty() ? std::optional<std::uint64_t>(1) : std::nullopt)
          : multiplier_of(suffix);
  if (!multiplier) return std::nullopt;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  if (ec == std::errc::result_out_of_range || n > kMax / *multiplier) return kMax;
  return n * *multiplier;
}

}  // namespace gcsim
