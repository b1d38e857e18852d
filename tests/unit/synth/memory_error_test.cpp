// The MemoryError reproducers (docs/geometry.md "Typical K210 workloads"): do jpeg-classify and
// resize-pix-to-ai fail on the 262,144-byte heap the MaixPy docs suggest for big models, and
// pass on the 1,000,000 bytes users switch to? And what traces/README.md says of the default
// 524,288 bytes: resize-pix-to-ai holds, jpeg-classify fails once what it keeps of each file
// (the names listdir made, the results) leaves its buffers no room.
#include <gtest/gtest.h>

#include "synth_support.h"

namespace gcsim::synth {
namespace {

using test::events_of;
using test::replay_on_k210;

constexpr std::uint32_t kCommittedFrames = 40;  // the committed traces' length

class SynthMemoryError : public ::testing::TestWithParam<std::string> {};

TEST_P(SynthMemoryError, FailsOnA262144ByteHeap) {
  const ReplayResult r =
      replay_on_k210(GetParam(), events_of(GetParam(), kCommittedFrames), 262'144);
  EXPECT_GE(r.summary.failures_total, 1u);
  ASSERT_FALSE(r.failures.empty());
  // The 259,072-byte pool cannot hold a frame's buffers: resize or pix_to_ai fails.
  const FailureRecord& first = r.failures.front();
  EXPECT_TRUE(first.size_bytes == 100'352 || first.size_bytes == 172'032) << first.size_bytes;
}

TEST_P(SynthMemoryError, PassesOnA1000000ByteHeap) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const ReplayResult r =
        replay_on_k210(GetParam(), events_of(GetParam(), kCommittedFrames, seed), 1'000'000);
    EXPECT_EQ(r.summary.failures_total, 0u) << "seed " << seed;
  }
}

INSTANTIATE_TEST_SUITE_P(Reproducers, SynthMemoryError,
                         ::testing::Values("jpeg-classify", "resize-pix-to-ai"), test::test_name);

TEST(SynthMemoryErrorDefaultHeap, ResizePixToAiHoldsForHundredsOfFrames) {
  const ReplayResult r =
      replay_on_k210("resize-pix-to-ai", events_of("resize-pix-to-ai", 400), 524'288);
  EXPECT_EQ(r.summary.failures_total, 0u);
  EXPECT_EQ(r.summary.collections_oom, 399u);  // every frame after the first finds no room
}

TEST(SynthMemoryErrorDefaultHeap, JpegClassifyFailsOnceWhatItKeepsCrowdsTheBuffers) {
  // 400 files: the 400 names and results fit beside a frame's 425,984 bytes of buffers.
  EXPECT_EQ(replay_on_k210("jpeg-classify", events_of("jpeg-classify", 400), 524'288)
                .summary.failures_total,
            0u);
  // 600 files: at file ~400 the AI buffer finds 2 blocks too few in a row (enough bytes free,
  // split around the survivors), and from then on too few bytes at all.
  const std::vector<Event> events = events_of("jpeg-classify", 600);
  const ReplayResult r = replay_on_k210("jpeg-classify", events, 524'288);
  ASSERT_FALSE(r.failures.empty());
  const FailureRecord& first = r.failures.front();
  EXPECT_EQ(first.failure_class, FailureClass::fragmentation);
  EXPECT_EQ(first.size_bytes, 172'032u);
  EXPECT_GE(first.mem_free, 172'032u);
  EXPECT_LT(std::uint64_t{first.largest_free_blocks} * 32, 172'032u);
  std::uint64_t frame = 0;
  for (std::uint64_t i = 0; i < first.event; ++i) {
    frame += events[i].op == Op::mark && events[i].text.starts_with("frame ");
  }
  EXPECT_GE(frame, 390u);
  EXPECT_GT(r.summary.failures_capacity, r.summary.failures_fragmentation);
}

}  // namespace
}  // namespace gcsim::synth
