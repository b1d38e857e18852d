#include "cli/replay_options.h"

#include <charconv>
#include <fmt/format.h>

namespace gcsim::cli {

std::int64_t parse_threshold(const std::string& text) {
  if (text == "off") return -1;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw CLI::ValidationError("--threshold",
                               fmt::format("'{}' is not a byte count, -1 or off", text));
  }
  return value < 0 ? -1 : value;
}

void LimitOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--max-events", limits.max_events,
                 "refuse a trace with more than N events (default: no limit)")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--max-objects", limits.max_objects,
                 fmt::format("refuse a trace that needs more than N objects remembered at once "
                             "(default {})",
                             kDefaultMaxObjects))
      ->check(CLI::PositiveNumber);
}

void ReplayOptions::add_to(CLI::App& cmd) {
  geometry.add_to(cmd, false);
  cmd.add_option("--threshold", threshold,
                 "gc.threshold(BYTES) before the first event; -1 or off disables "
                 "(default: the preset's)");
  cmd.add_flag("--gc-disabled", gc_disabled, "gc.disable() before the first event");
  limits.add_to(cmd);
}

ReplaySettings ReplayOptions::settings_for(const TraceHeader& header) const {
  ReplaySettings s;
  const Preset& preset = geometry.preset_data(header.geometry);
  s.preset = preset.name;
  s.geometry = geometry.resolve(header.geometry);
  s.threshold_bytes = threshold ? parse_threshold(*threshold) : preset.default_threshold_bytes;
  s.start_disabled = gc_disabled;
  s.limits = limits.limits;
  return s;
}

}  // namespace gcsim::cli
