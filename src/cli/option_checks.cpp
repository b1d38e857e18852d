#include "cli/option_checks.h"

#include <fmt/format.h>
#include <charconv>
#include <cstdint>
#include <stdexcept>

#include "text/byte_size.h"
#include "text/number_format.h"
#include "text/quote.h"

namespace gcsim::cli {

CLI::Validator byte_size_transform() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const std::optional<std::uint64_t> bytes = parse_byte_size(text);
        if (!bytes) return fmt::format("{} is not a size ({})", quote(text), kByteSizeForms);
        text = std::to_string(*bytes);
        return {};
      },
      "SIZE");
}

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        const bool digits = !text.empty() && stop == end;
        if (digits &&
            (ec == std::errc::result_out_of_range || (ec == std::errc() && value > max))) {
          return fmt::format("{} is more than {}", quote(text), grouped(max));
        }
        if (!digits || ec != std::errc() || value < min) {
          const bool unbounded = max == std::numeric_limits<std::uint64_t>::max();
          return unbounded ? fmt::format("{} is not a whole number of {} or more", quote(text), min)
                           : fmt::format("{} is not a whole number from {} to {}", quote(text), min,
                                         grouped(max));
        }
        return {};
      },
      "N");
}

void refuse_stdin_trace(std::string_view command, const std::string& trace) {
  if (trace != "-") return;
  throw std::invalid_argument(fmt::format(
      "{} reads its trace twice, which standard input cannot give: save it to a file (replay "
      "and sweep take -)",
      command));
}

}  // namespace gcsim::cli
