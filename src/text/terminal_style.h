// How text for a person is laid out on stdout: the columns it may use and whether it may carry
// colour (ANSI SGR escapes). cli/terminal.h decides both; the text reporters take them as a
// value and know nothing of ttys or the environment.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gcsim {

struct TerminalStyle {
  std::size_t width = 80;
  bool color = false;
};

enum class Color { red, green, yellow, bold_red };

// The text wrapped in its colour's escape and a reset; the text alone when style.color is false.
std::string paint(const TerminalStyle& style, Color color, std::string_view text);

// The columns `text` takes on a terminal: escapes take none, nor do UTF-8 continuation bytes.
std::size_t visible_width(std::string_view text);

}  // namespace gcsim
