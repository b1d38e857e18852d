#include "cli/terminal.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>

namespace gcsim::cli {
namespace {

std::string_view environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::size_t tty_columns(int fd) {
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

const std::map<std::string, ColorMode>& color_modes() {
  static const std::map<std::string, ColorMode> modes{
      {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
  return modes;
}

// COLUMNS as a width: digits only, above 0; past 2^64 is as wide as can be.
std::optional<std::size_t> columns_width(std::string_view columns) {
  std::size_t width = 0;
  const char* end = columns.data() + columns.size();
  const auto [stop, ec] = std::from_chars(columns.data(), end, width);
  if (columns.empty() || stop != end) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return kMaxWidth;
  if (ec != std::errc() || width == 0) return std::nullopt;
  return width;
}

}  // namespace

std::size_t decide_width(std::string_view columns, std::size_t tty_columns) {
  const std::size_t width = columns_width(columns).value_or(tty_columns);
  return std::clamp(width == 0 ? kDefaultWidth : width, kMinWidth, kMaxWidth);
}

bool decide_color(ColorMode mode, bool stdout_is_tty, std::string_view no_color,
                  std::string_view term) {
  if (mode != ColorMode::automatic) return mode == ColorMode::always;
  return stdout_is_tty && no_color.empty() && term != "dumb";
}

void add_color_option(CLI::App& cmd, ColorMode& mode) {
  cmd.add_option_function<std::string>(
         "--color", [&mode](const std::string& text) { mode = color_modes().at(text); },
         "colour on stdout: auto (default: on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            if (color_modes().contains(text)) return {};
            return fmt::format("'{}' is not a colour mode (auto, always, never)", text);
          },
          "WHEN"));
}

std::size_t stdout_width() {
  return decide_width(environment("COLUMNS"),
                      ::isatty(STDOUT_FILENO) != 0 ? tty_columns(STDOUT_FILENO) : 0);
}

TerminalStyle stdout_style(ColorMode mode) {
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  return TerminalStyle{stdout_width(),
                       decide_color(mode, tty, environment("NO_COLOR"), environment("TERM"))};
}

TerminalStyle stderr_style(ColorMode mode) {
  if (::isatty(STDERR_FILENO) == 0) return TerminalStyle{0, false};
  return TerminalStyle{decide_width(environment("COLUMNS"), tty_columns(STDERR_FILENO)),
                       decide_color(mode, true, environment("NO_COLOR"), environment("TERM"))};
}

ColorMode given_color(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands()) {
    const CLI::Option* color = command->get_option_no_throw("--color");
    if (!color || color->count() == 0) continue;
    const auto mode = color_modes().find(color->results().back());
    if (mode != color_modes().end()) return mode->second;
  }
  return ColorMode::automatic;
}

}  // namespace gcsim::cli
