// Test helper: a BlockTable drawn one character per block, as gc_dump_alloc_table draws the
// ATB (docs/collector.md §9) minus the type letters: '.' FREE, 'h' HEAD, '=' TAIL, 'm' MARK.
// Tests compare it with hand-drawn strings, e.g. "h==.h." for a 3-block and a 1-block
// allocation with a free block after each.
#pragma once

#include <cstdint>
#include <string>

#include "heap/block_table.h"

namespace gcsim::test {

inline char block_char(BlockKind k) {
  switch (k) {
    case BlockKind::free:
      return '.';
    case BlockKind::head:
      return 'h';
    case BlockKind::tail:
      return '=';
    case BlockKind::mark:
      return 'm';
  }
  return '?';
}

inline std::string render(const BlockTable& table) {
  std::string s;
  s.reserve(table.size());
  for (std::uint32_t b = 0; b < table.size(); ++b) s += block_char(table.kind(BlockIndex(b)));
  return s;
}

}  // namespace gcsim::test
