#include "cli/whole_number.h"

#include <fmt/format.h>
#include <charconv>
#include <string>

namespace gcsim::cli {

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (text.empty() || ec != std::errc() || stop != end || value < min || value > max) {
          return fmt::format("'{}' is not a whole number in {}..{}", text, min, max);
        }
        return "";
      },
      "");
}

}  // namespace gcsim::cli
