// Where a trace's liveness holds against where it is replayed: only a trace tied to its
// recorded run ("collections") warns, and only away from that run's heap or threshold.
#include "replay/recorded_setting.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TraceHeader imported(std::optional<std::int64_t> threshold) {
  TraceHeader h;
  h.recorded = RecordedSetting{
      .liveness = "collections", .heap_bytes = 524272, .start_offset = 16, .threshold = threshold};
  return h;
}

ReplaySettings at(std::uint64_t heap, std::uint32_t offset, std::int64_t threshold) {
  ReplaySettings s;
  s.geometry.heap_bytes = heap;
  s.geometry.start_offset = offset;
  s.geometry.block_bytes = 32;
  s.threshold_bytes = threshold;
  return s;
}

TEST(LivenessWarning, NoneAtTheRecordedSetting) {
  EXPECT_FALSE(liveness_warning(imported(4096), at(524272, 16, 4096)));
  // gc.threshold() keeps blocks: 4100 bytes is 128 blocks, as 4096 is.
  EXPECT_FALSE(liveness_warning(imported(4096), at(524272, 16, 4100)));
  EXPECT_FALSE(liveness_warning(imported(-1), at(524272, 16, -5)));
  // An unknown recorded threshold: the heap alone decides.
  EXPECT_FALSE(liveness_warning(imported(std::nullopt), at(524272, 16, 4096)));
}

TEST(LivenessWarning, OneLineAwayFromIt) {
  const auto heap = liveness_warning(imported(-1), at(262144, 16, -1));
  ASSERT_TRUE(heap);
  EXPECT_EQ(*heap,
            "this trace's liveness holds only at its recorded setting (heap 524272 bytes at "
            "start offset 16, threshold off): replayed at heap 262144 bytes, threshold off, its "
            "garbage stays alive until the recorded run collected it. Record the program with "
            "`gcsim record` for a trace that holds at every setting");
  EXPECT_TRUE(liveness_warning(imported(-1), at(524272, 0, -1)));
  EXPECT_TRUE(liveness_warning(imported(-1), at(524272, 16, 4096)));
  EXPECT_TRUE(liveness_warning(imported(4096), at(524272, 16, 8192)));
}

TEST(LivenessWarning, NoneForTracesThatHoldEverywhere) {
  TraceHeader recording = imported(-1);
  recording.recorded->liveness = "every-allocation";
  EXPECT_FALSE(liveness_warning(recording, at(262144, 16, 4096)));
  EXPECT_FALSE(liveness_warning(TraceHeader{}, at(262144, 16, 4096)));
}

}  // namespace
}  // namespace gcsim
