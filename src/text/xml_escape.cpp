#include "text/xml_escape.h"

namespace gcsim {

namespace {

// The UTF-8 character at text[i] (a byte >= 0x80): its length (1 for a stray byte) and whether
// XML can hold it (not a stray byte, an overlong form, a surrogate, U+FFFE or U+FFFF).
struct Utf8Char {
  std::size_t n_bytes;
  bool allowed;
};

Utf8Char utf8_char_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned lead = byte(0);
  const std::size_t n_bytes = lead >= 0xC2 && lead <= 0xDF   ? 2
                              : lead >= 0xE0 && lead <= 0xEF ? 3
                              : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                             : 0;
  if (n_bytes == 0 || i + n_bytes > text.size()) return {1, false};
  for (std::size_t k = 1; k < n_bytes; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return {1, false};
  }
  const bool overlong = (lead == 0xE0 && byte(1) < 0xA0) || (lead == 0xF0 && byte(1) < 0x90);
  const bool past_unicode = lead == 0xF4 && byte(1) > 0x8F;
  if (overlong || past_unicode) return {1, false};
  const bool surrogate = lead == 0xED && byte(1) >= 0xA0;
  const bool noncharacter = lead == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE;
  return {n_bytes, !surrogate && !noncharacter};
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const Utf8Char u = utf8_char_at(text, i);
      if (u.allowed) {
        out.append(text, i, u.n_bytes);
      } else {
        out += '?';
      }
      i += u.n_bytes - 1;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += c;
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
  }
  return out;
}

}  // namespace gcsim
