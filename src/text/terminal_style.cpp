#include "text/terminal_style.h"

namespace gcsim {
namespace {

std::string_view escape_of(Color color) {
  switch (color) {
    case Color::red:
      return "\x1b[31m";
    case Color::green:
      return "\x1b[32m";
    case Color::bold_red:
      return "\x1b[1;31m";
    case Color::yellow:
      break;
  }
  return "\x1b[33m";
}

}  // namespace

std::string paint(const TerminalStyle& style, Color color, std::string_view text) {
  if (!style.color || text.empty()) return std::string(text);
  std::string out(escape_of(color));
  out += text;
  out += "\x1b[0m";
  return out;
}

std::size_t visible_width(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      // CSI: parameters up to the final byte, '@' to '~'.
      i += 2;
      while (i < text.size() && (text[i] < '@' || text[i] > '~')) ++i;
      continue;
    }
    if ((c & 0xC0) != 0x80) ++columns;
  }
  return columns;
}

}  // namespace gcsim
