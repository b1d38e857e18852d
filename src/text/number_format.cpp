#include "text/number_format.h"

#include <fmt/format.h>
#include <algorithm>

namespace gcsim {
namespace {

// "1234567" → "1,234,567".
std::string group_digits(std::string_view digits) {
  std::string out;
  const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits, i, 3);
  }
  return out;
}

}  // namespace

std::string grouped(std::uint64_t n) { return group_digits(std::to_string(n)); }

std::string grouped(std::int64_t n) {
  if (n >= 0) return grouped(static_cast<std::uint64_t>(n));
  return fmt::format("-{}", grouped(static_cast<std::uint64_t>(-(n + 1)) + 1));
}

std::string human_bytes(std::uint64_t n_bytes) {
  if (n_bytes < 1024) return fmt::format("{} B", n_bytes);
  const double kib = static_cast<double>(n_bytes) / 1024.0;
  if (kib < 1024.0) return fmt::format("{:.1f} KiB", kib);
  return fmt::format("{:.2f} MiB", kib / 1024.0);
}

std::string percent(double fraction) { return fmt::format("{:.1f}%", 100.0 * fraction); }

std::string grouped_decimal(double value, int places) {
  const std::string text = fmt::format("{:.{}f}", value, places);
  const std::size_t sign = text.starts_with('-') ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  return text.substr(0, sign) + group_digits(std::string_view(text).substr(sign, point - sign)) +
         text.substr(point);
}

std::string percent_of(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0 || part == 0) return percent(0.0);
  if (part >= whole) return percent(static_cast<double>(part) / static_cast<double>(whole));
  // Tenths of a percent, kept strictly between 0 and 1,000 so a part never reads as none or all.
  const double tenths = 1000.0 * static_cast<double>(part) / static_cast<double>(whole);
  const double shown = tenths < 1.0 ? 1.0 : tenths > 999.0 ? 999.0 : tenths;
  return percent(shown / 1000.0);
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", grouped(n), n == 1 ? one : many);
}

}  // namespace gcsim
