// The replay's own index types (heap/strong_index.h), beside BlockIndex:
//
//   ObjectSlot   an object's place in the Program's table; reused after the object dies
//                (references carry the slot's generation). kNoSlot: no object.
//   EventIndex   an event's position in the trace, counting from 0 (as every report numbers
//                events).
//
// Trace ids stay the trace's own integers (Event::id, up to 2^53 − 1): they are data, named
// id, from and to wherever they travel.
#pragma once

#include <cstdint>

#include "heap/strong_index.h"

namespace gcsim {

using ObjectSlot = StrongIndex<struct ObjectSlotTag, std::uint32_t>;
inline constexpr ObjectSlot kNoSlot{0xffffffffu};

using EventIndex = StrongIndex<struct EventIndexTag, std::uint64_t>;

}  // namespace gcsim
