// BlockIndex: a block number counted from the pool start (block b is at pool_start + b·B), and
// kNoBlock, the one way gcsim says "no block": a first fit that found no run long enough, a
// MemoryError's missing head, an object without memory, a realloc of NULL. A sentinel rather
// than std::optional: GCC builds an optional<uint32_t> on the stack byte by byte and reads it
// back whole, a store-forwarding stall on every allocation (perf: ~8% of a sweep).
#pragma once

#include <cstdint>

#include "heap/strong_index.h"

namespace gcsim {

using BlockIndex = StrongIndex<struct BlockIndexTag, std::uint32_t>;

inline constexpr BlockIndex kNoBlock{0xffffffffu};

}  // namespace gcsim
