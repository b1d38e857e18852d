#include "cli/diagnostics.h"

#include <fmt/format.h>
#include <cstdio>
#include <string>

#include "text/text_wrap.h"

namespace gcsim::cli {
namespace {

constexpr std::string_view kPrefix = "gcsim:";

void print_line(const TerminalStyle& style, const std::string& line) {
  fmt::print(stderr, "{}", style.width ? wrap_text(line, style.width, 2) : line + "\n");
}

}  // namespace

void print_error(ColorMode mode, std::string_view message) {
  const TerminalStyle style = stderr_style(mode);
  if (!message.starts_with(kPrefix)) return print_line(style, std::string(message));
  print_line(style,
             paint(style, Color::bold_red, kPrefix) + std::string(message.substr(kPrefix.size())));
}

void print_warning(ColorMode mode, std::string_view what) {
  const TerminalStyle style = stderr_style(mode);
  print_line(style,
             fmt::format("{} {} {}", kPrefix, paint(style, Color::yellow, "warning:"), what));
}

}  // namespace gcsim::cli
