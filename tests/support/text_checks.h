// Small text helpers the unit suites share: counting a piece of output, and the free blocks of
// a heap-map letter string.
#pragma once

#include <cstddef>
#include <string>

namespace gcsim::test {

// How many times `what` occurs in `text` (overlapping occurrences counted).
inline std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

// `n` free blocks as a heap map prints them.
inline std::string dots(std::size_t n) { return std::string(n, '.'); }

}  // namespace gcsim::test
