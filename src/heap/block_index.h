// Strong index types: a block number in the pool and a trace event's position do not mix.
#pragma once

#include <compare>
#include <cstdint>

namespace gcsim {

// A block number counted from the pool start (block b is at pool_start + b·B).
struct BlockIndex {
  std::uint32_t value = 0;
  constexpr BlockIndex() = default;
  constexpr explicit BlockIndex(std::uint32_t v) : value(v) {}
  auto operator<=>(const BlockIndex&) const = default;
};

}  // namespace gcsim
