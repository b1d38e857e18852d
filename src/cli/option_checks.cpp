#include "cli/option_checks.h"

#include <fmt/format.h>
#include <charconv>
#include <cstdint>

#include "text/byte_size.h"

namespace gcsim::cli {

CLI::Validator byte_size_transform() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const std::optional<std::uint64_t> bytes = parse_byte_size(text);
        if (!bytes) return fmt::format("'{}' is not a size ({})", text, kByteSizeForms);
        text = std::to_string(*bytes);
        return {};
      },
      "SIZE");
}

CLI::Validator at_least_one() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n == 0) {
          return fmt::format("'{}' is not a whole number of 1 or more", text);
        }
        return {};
      },
      "N >= 1");
}

}  // namespace gcsim::cli
