#include "cli/replay_options.h"

#include <fmt/format.h>
#include <charconv>
#include <limits>

#include "cli/option_checks.h"
#include "replay/recorded_setting.h"
#include "text/byte_size.h"
#include "text/quote.h"

namespace gcsim::cli {

std::int64_t parse_threshold(const std::string& text) {
  if (text == "off") return -1;
  if (text.starts_with('-')) {  // gc.threshold(-1), or any negative amount (not -0): off
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value < 0) return -1;
  }
  const std::optional<std::uint64_t> bytes = parse_byte_size(text);
  if (!bytes) {
    throw CLI::ValidationError("--threshold", fmt::format("{} is not a size ({}), -1 or off",
                                                          quote(text), kByteSizeForms));
  }
  constexpr std::uint64_t kMax = std::numeric_limits<std::int64_t>::max();  // as a trace's
  if (*bytes > kMax) {
    throw CLI::ValidationError("--threshold",
                               fmt::format("{} is over the {}-byte limit", quote(text), kMax));
  }
  return static_cast<std::int64_t>(*bytes);
}

void LimitOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--max-events", limits.max_events,
                 "refuse a trace with more than N events (default: no limit)")
      ->check(whole_number(1));
  cmd.add_option("--max-objects", limits.max_objects,
                 fmt::format("refuse a trace that needs more than N objects remembered at once "
                             "(default {})",
                             kDefaultMaxObjects))
      ->check(whole_number(1));
}

void ReplayOptions::add_to(CLI::App& cmd) {
  geometry.add_to(cmd, false);
  cmd.add_option("--threshold", threshold,
                 "gc.threshold(BYTES) before the first event (4096, 64K, 1M); -1 or off "
                 "disables (default: the preset's)");
  cmd.add_flag("--gc-disabled", gc_disabled, "gc.disable() before the first event");
  limits.add_to(cmd);
}

ReplaySettings ReplayOptions::settings_for(const TraceHeader& header) const {
  ReplaySettings s;
  const Preset& preset = geometry.preset_data(header.geometry);
  s.preset = preset.name;
  s.geometry = geometry.resolve(header.geometry);
  s.threshold_bytes = threshold ? parse_threshold(*threshold) : preset.default_threshold_bytes;
  // A trace whose liveness holds only at its recorded setting replays there unless told not to.
  if (const std::optional<RecordedSetting> recorded = tied_setting(header)) {
    if (!geometry.heap_size) s.geometry.heap_bytes = recorded->heap_bytes;
    if (!geometry.start_offset) s.geometry.start_offset = recorded->start_offset;
    if (!threshold && recorded->threshold) s.threshold_bytes = *recorded->threshold;
  }
  s.start_disabled = gc_disabled;
  s.limits = limits.limits;
  return s;
}

}  // namespace gcsim::cli
