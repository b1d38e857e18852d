#include "replay/replay_limits.h"

#include <fmt/format.h>

#include "trace/trace_error.h"

namespace gcsim {

void check_event_limit(const ReplayLimits& limits, const std::string& file,
                       const EventPosition& position) {
  if (position.index < limits.max_events) return;
  throw TraceError(
      {.file = file,
       .event = position.index,
       .line = position.line,
       .rule = "too-many-events",
       .detail = fmt::format("the limit is {} events (--max-events)", limits.max_events)});
}

void check_object_limit(const ReplayLimits& limits, std::uint64_t objects, const std::string& file,
                        const EventPosition& position) {
  if (objects <= limits.max_objects) return;
  throw TraceError({.file = file,
                    .event = position.index,
                    .line = position.line,
                    .rule = "too-many-objects",
                    .detail = fmt::format("{} objects to remember, the limit is {} "
                                          "(--max-objects: live, lost and unswept objects, "
                                          "runs of never-used ids)",
                                          objects, limits.max_objects)});
}

}  // namespace gcsim
