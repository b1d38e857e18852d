#include "text/quote.h"

#include <fmt/format.h>

namespace gcsim {
namespace {

bool is_control(unsigned char byte) { return byte < 0x20 || byte == 0x7f; }

std::string escaped(unsigned char byte) {
  switch (byte) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return fmt::format("\\x{:02x}", byte);
  }
}

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

std::string quote(std::string_view text) {
  std::string shown;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // One character: a control byte, or a lead byte with its continuation bytes.
    std::size_t n_bytes = 1;
    while (!is_control(byte) && i + n_bytes < text.size() && is_continuation(text[i + n_bytes])) {
      ++n_bytes;
    }
    const std::string piece =
        is_control(byte) ? escaped(byte) : std::string(text.substr(i, n_bytes));
    if (shown.size() + piece.size() > kMaxQuotedBytes) return "'" + shown + "…'";
    shown += piece;
    i += n_bytes;
  }
  return "'" + shown + "'";
}

}  // namespace gcsim
