// The options of every command that replays a trace (replay, report, heapmap, sweep): the
// geometry options plus the starting gc settings and the resource limits, and how they turn
// into ReplaySettings once the trace's header (and its geometry hint) is known.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/geometry_options.h"
#include "replay/driver.h"

namespace gcsim::cli {

// --max-events and --max-objects (replay/replay_limits.h); sweep takes these alone.
struct LimitOptions {
  ReplayLimits limits;

  void add_to(CLI::App& cmd);
};

struct ReplayOptions {
  GeometryOptions geometry;
  LimitOptions limits;
  std::optional<std::string> threshold;  // bytes, or -1 / off; default: the preset's
  bool gc_disabled = false;

  void add_to(CLI::App& cmd);
  ReplaySettings settings_for(const TraceHeader& header) const;
};

// "off" or a negative number → −1; otherwise a byte count. Throws CLI::ValidationError.
std::int64_t parse_threshold(const std::string& text);

}  // namespace gcsim::cli
