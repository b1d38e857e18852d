// ReplayLimits: the bounds that keep a trace from making gcsim run out of memory (issue #7).
// Reading streams, so the file's size costs nothing; what a replay keeps grows with
//
//   objects remembered   live objects, lost ones (allocation failed), garbage not yet swept,
//                        and runs of never-used ids below the highest one (ids 5..900 skipped
//                        count once): --max-objects
//   references           one entry per (object, target) pair, however many pointers
//   the event log        one record per collection, MemoryError and observation
//
// The last two can only grow one per event, so --max-events bounds everything. Both limits
// fail the replay with a TraceError naming the event where the limit was passed.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "trace/reader.h"

namespace gcsim {

inline constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();
// About 2 GB at gcsim's worst (~200 bytes an object): far above any real MicroPython heap,
// whose objects take a 16- or 32-byte block each.
inline constexpr std::uint64_t kDefaultMaxObjects = 10'000'000;

struct ReplayLimits {
  std::uint64_t max_events = kNoLimit;
  std::uint64_t max_objects = kDefaultMaxObjects;
};

// Throws TraceError (too-many-events) if the event at `position` is past the limit.
void check_event_limit(const ReplayLimits& limits, const std::string& file,
                       const EventPosition& position);
// Throws TraceError (too-many-objects) if `objects` remembered after the event at `position`
// are over the limit.
void check_object_limit(const ReplayLimits& limits, std::uint64_t objects, const std::string& file,
                        const EventPosition& position);

}  // namespace gcsim
