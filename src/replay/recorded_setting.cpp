#include "replay/recorded_setting.h"

#include <fmt/format.h>

namespace gcsim {
namespace {

std::string threshold_value(std::int64_t bytes) {
  return bytes < 0 ? std::string("off") : fmt::format("{}", bytes);
}

// gc.threshold() stores blocks: 4096 and 4100 are the same setting.
bool same_threshold(std::int64_t a, std::int64_t b, std::uint32_t block_bytes) {
  if (a < 0 || b < 0) return (a < 0) == (b < 0);
  return a / block_bytes == b / block_bytes;
}

std::string recorded_text(const RecordedSetting& recorded) {
  return fmt::format("heap {} bytes at start offset {}, threshold {}", recorded.heap_bytes,
                     recorded.start_offset,
                     recorded.threshold ? threshold_value(*recorded.threshold) : "unknown");
}

constexpr std::string_view kRecordAdvice =
    "Record the program with `gcsim record` for a trace that holds at every setting";

}  // namespace

std::optional<RecordedSetting> tied_setting(const TraceHeader& header) {
  if (!header.recorded || header.recorded->liveness != kLivenessCollections) return std::nullopt;
  return header.recorded;
}

std::optional<std::string> liveness_warning(const TraceHeader& header,
                                            const ReplaySettings& settings) {
  const std::optional<RecordedSetting> recorded = tied_setting(header);
  if (!recorded) return std::nullopt;
  const GeometryParams& g = settings.geometry;
  const bool same_heap =
      g.heap_bytes == recorded->heap_bytes && g.start_offset == recorded->start_offset;
  const bool same =
      same_heap && (!recorded->threshold ||
                    same_threshold(*recorded->threshold, settings.threshold_bytes, g.block_bytes));
  if (same) return std::nullopt;
  return fmt::format(
      "this trace's liveness holds only at its recorded setting ({}): replayed at heap {} bytes, "
      "threshold {}, its garbage stays alive until the recorded run collected it. {}",
      recorded_text(*recorded), g.heap_bytes, threshold_value(settings.threshold_bytes),
      kRecordAdvice);
}

std::optional<std::string> sweep_liveness_warning(const TraceHeader& header) {
  const std::optional<RecordedSetting> recorded = tied_setting(header);
  if (!recorded) return std::nullopt;
  return fmt::format(
      "this trace's liveness holds only at its recorded setting ({}): in every other cell its "
      "garbage stays alive until the recorded run collected it, so MemoryErrors and collections "
      "there are too many. {}",
      recorded_text(*recorded), kRecordAdvice);
}

}  // namespace gcsim
