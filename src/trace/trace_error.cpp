#include "trace/trace_error.h"

#include <fmt/format.h>

namespace gcsim {
namespace {

// Details quote what was found; a long string or a nested value is cut to keep messages short.
constexpr std::size_t kMaxDetailBytes = 200;

// The length of the UTF-8 character at text[i], or 0 if the bytes there are not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t n_bytes = lead < 0x80                    ? 1
                              : lead >= 0xC2 && lead <= 0xDF ? 2
                              : lead >= 0xE0 && lead <= 0xEF ? 3
                              : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                             : 0;
  if (n_bytes == 0 || i + n_bytes > text.size()) return 0;
  for (std::size_t k = 1; k < n_bytes; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n_bytes;
}

// The detail as one line of valid UTF-8 (a report may put it in JSON), at most about
// kMaxDetailBytes: line breaks become spaces, stray bytes and other control characters (a
// terminal's ESC, BEL) '?'.
std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= kMaxDetailBytes) return out + "...";
    const std::size_t n_bytes = utf8_length(text, i);
    if (n_bytes == 0) {
      out += '?';
      ++i;
    } else if (text[i] == '\n' || text[i] == '\r') {
      out += ' ';
      ++i;
    } else if (static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7f) {
      out += '?';
      ++i;
    } else {
      out.append(text, i, n_bytes);
      i += n_bytes;
    }
  }
  return out;
}

TraceErrorInfo shortened(TraceErrorInfo info) {
  info.detail = one_line(info.detail);
  return info;
}

}  // namespace

TraceError::TraceError(TraceErrorInfo info)
    : std::runtime_error(format_trace_error(shortened(info))), info_(shortened(std::move(info))) {}

std::string format_trace_error(const TraceErrorInfo& info) {
  std::string out = info.file.empty() ? std::string("<trace>") : info.file;
  if (info.line) out += fmt::format(":{}", *info.line);
  out += ": ";
  if (info.event) out += fmt::format("event {}: ", *info.event);
  out += info.rule;
  if (!info.detail.empty()) out += ": " + info.detail;
  return out;
}

}  // namespace gcsim
