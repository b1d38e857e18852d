// Where a trace's liveness holds (trace/format.h's RecordedSetting), set against the setting a
// replay runs at. A trace imported from an ordinary debug log knows an object is dead only where
// the recorded run collected it: at another heap or threshold its garbage stays alive too long.
#pragma once

#include <optional>
#include <string>

#include "replay/driver.h"

namespace gcsim {

// The setting the trace's liveness is tied to, if it is tied to one ("collections").
std::optional<RecordedSetting> tied_setting(const TraceHeader& header);

// One line saying the replay's setting is not the one the trace's liveness holds at, or
// nothing when it is (or the trace holds everywhere).
std::optional<std::string> liveness_warning(const TraceHeader& header,
                                            const ReplaySettings& settings);

// The same for a sweep, whose cells are many settings: one line for a trace tied to one, or
// nothing for a trace that holds everywhere.
std::optional<std::string> sweep_liveness_warning(const TraceHeader& header);

}  // namespace gcsim
