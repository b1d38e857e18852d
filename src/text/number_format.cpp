#include "text/number_format.h"

#include <fmt/format.h>

namespace gcsim {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out.append(digits, 0, first);
  for (std::size_t i = first; i < digits.size(); i += 3) {
    out += ',';
    out.append(digits, i, 3);
  }
  return out;
}

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

}  // namespace gcsim
