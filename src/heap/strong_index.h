// StrongIndex: an integer with a type of its own (heaptrack's Index<Base>), so that a block
// number, an object's slot in the program and an event's position in the trace do not mix: a
// function taking a BlockIndex refuses an ObjectSlot or a count of blocks. At no cost: a struct
// of one integer is passed and returned in a register. Arithmetic is done on `.value`, where the
// unit is plain; each index type names its "none" value beside it where it has one.
#pragma once

#include <compare>
#include <ostream>

namespace gcsim {

template <class Tag, class Int>
struct StrongIndex {
  Int value = 0;
  constexpr StrongIndex() = default;
  constexpr explicit StrongIndex(Int v) : value(v) {}
  auto operator<=>(const StrongIndex&) const = default;
};

// For test failure messages: the number.
template <class Tag, class Int>
std::ostream& operator<<(std::ostream& out, StrongIndex<Tag, Int> index) {
  return out << index.value;
}

}  // namespace gcsim
