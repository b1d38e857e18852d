// Where a line of a MicroPython debug log or an observe capture ends: at '\n', at "\r\n", or at
// a lone '\r' (some serial terminals capture the board's output so). The one rule for every way
// such a file is read: a path (GzSource, plain or gzipped) and a stream (stdin).
#pragma once

#include <cstddef>
#include <string>

namespace gcsim {

enum class LogLineEnd { line, end_of_file, too_long };

// Reads the next line, without its end, into `text` from `bytes`, which has int peek() (the next
// byte 0..255, negative at the end) and advance() (consumes it). end_of_file when nothing was
// left (a last line with no end is a `line`); too_long, with the rest unread, once the line
// passes `max_bytes`.
template <class Bytes>
LogLineEnd read_log_line_from(Bytes& bytes, std::string& text, std::size_t max_bytes) {
  text.clear();
  for (int c; (c = bytes.peek()) >= 0;) {
    bytes.advance();
    if (c == '\n') return LogLineEnd::line;
    if (c == '\r') {
      if (bytes.peek() == '\n') bytes.advance();
      return LogLineEnd::line;
    }
    if (text.size() >= max_bytes) return LogLineEnd::too_long;
    text += static_cast<char>(c);
  }
  return text.empty() ? LogLineEnd::end_of_file : LogLineEnd::line;
}

}  // namespace gcsim
