#include "record/maixpy_settings.h"

#include <fmt/format.h>
#include <charconv>
#include <string_view>

#include "text/quote.h"

namespace gcsim {
namespace {

// At most 10 M values per forward: a 40 MB tuple of floats, far beyond any K210 heap.
constexpr std::uint64_t kMaxKpuOutput = 10'000'000;
// At most 1,000 detections per run: more than the firmware's region layer keeps.
constexpr std::uint64_t kMaxDetections = 1'000;

// Splits on ',' keeping empty pieces (so "1,,2" is refused, not read as "1,2").
std::vector<std::string_view> pieces(std::string_view text) {
  std::vector<std::string_view> out;
  for (;;) {
    const std::size_t comma = text.find(',');
    out.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

// A decimal count within [min, max], and nothing else.
bool count_in(std::string_view text, std::uint64_t min, std::uint64_t max) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value >= min && value <= max;
}

// The stand-in reads a flash address with strtol(…, 0): decimal, 0x hex or 0 octal digits.
bool flash_address(std::string_view key) {
  if (key.empty() || key[0] < '0' || key[0] > '9') return false;
  int base = 10;
  if (key.size() > 2 && key[0] == '0' && (key[1] == 'x' || key[1] == 'X')) {
    key.remove_prefix(2);
    base = 16;
  }
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), value, base);
  return ec == std::errc() && end == key.data() + key.size();
}

}  // namespace

std::string kpu_output_error(const std::string& spec) {
  for (const std::string_view entry : pieces(spec)) {
    const std::size_t eq = entry.find('=');
    const std::string_view key = eq == std::string_view::npos ? "" : entry.substr(0, eq);
    const std::string_view count = eq == std::string_view::npos ? entry : entry.substr(eq + 1);
    if (eq != std::string_view::npos && key.empty()) {
      return fmt::format("{} names no model", quote(entry));
    }
    if (eq != std::string_view::npos && key[0] != '/' && !flash_address(key)) {
      return fmt::format("{} is neither a flash address (0x300000) nor a path (/sd/m.kmodel)",
                         quote(key));
    }
    if (!count_in(count, 1, kMaxKpuOutput)) {
      return fmt::format("{} is not a count of values from 1 to {}", quote(count), kMaxKpuOutput);
    }
  }
  return "";
}

std::string detections_error(const std::string& list) {
  for (const std::string_view entry : pieces(list)) {
    if (!count_in(entry, 0, kMaxDetections)) {
      return fmt::format("{} is not a count of objects from 0 to {}", quote(entry), kMaxDetections);
    }
  }
  return "";
}

std::vector<std::string> maixpy_environment(const MaixPySettings& settings) {
  std::vector<std::string> env;
  if (settings.frames) env.push_back(fmt::format("GCSIM_FRAMES={}", *settings.frames));
  if (settings.kpu_output) env.push_back("GCSIM_KPU_OUTPUT=" + *settings.kpu_output);
  if (settings.detections) env.push_back("GCSIM_DETECTIONS=" + *settings.detections);
  return env;
}

}  // namespace gcsim
