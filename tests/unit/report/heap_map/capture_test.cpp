// heap_map_capture: is the heap taken at the point `--at` names — an event, the peak, the end,
// the K-th MemoryError, the K-th mark — and is a point the trace lacks an error naming it?
// tests/cli/data/classes.jsonl on a 4,096-byte k210 heap (124 blocks); its README gives the
// heap after every step.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "report/heap_map/capture.h"

namespace gcsim {
namespace {

const std::string kTrace = std::string(GCSIM_TEST_DATA_DIR) + "/cli/data/classes.jsonl";

ReplaySettings settings() {
  ReplaySettings s;
  s.preset = "k210";
  s.geometry.heap_bytes = 4096;
  return s;
}

CapturedHeapMap at(std::string_view text) {
  const ReplaySettings s = settings();
  return capture_heap_map(
      kTrace, [&](const TraceHeader&) { return s; }, parse_heap_map_target(text));
}

std::string object(std::size_t n_blocks) {
  return std::string("h") + std::string(n_blocks - 1, '=');
}
std::string dots(std::size_t n) { return std::string(n, '.'); }

// Events 0–5: 1,024 B, 32 B three times over, at blocks 0, 32, 33, 65, 66, 98.
const std::string kFull = object(32) + "h" + object(32) + "h" + object(32) + "h" + dots(25);
// After the collection at event 9: the three 32-byte objects.
const std::string kHoles = dots(32) + "h" + dots(32) + "h" + dots(32) + "h" + dots(25);

TEST(HeapMapCapture, AtAnEvent) {
  const CapturedHeapMap map = at("5");
  EXPECT_EQ(map.snapshot.event, 5u);
  EXPECT_EQ(map.snapshot.letters, kFull);
  EXPECT_EQ(map.snapshot.info.used, 99u * 32);
  EXPECT_EQ(at("9").snapshot.letters, kHoles);
}

TEST(HeapMapCapture, AtThePeakAndTheEnd) {
  const CapturedHeapMap peak = at("peak");
  EXPECT_EQ(peak.snapshot.event, 5u);
  EXPECT_EQ(peak.snapshot.letters, kFull);
  EXPECT_EQ(peak.result.summary.peak_event, 5u);
  const CapturedHeapMap end = at("end");
  EXPECT_EQ(end.snapshot.event, 22u);
  EXPECT_EQ(end.snapshot.letters, std::string("hhh") + dots(121));
}

TEST(HeapMapCapture, AtEachMemoryError) {
  EXPECT_EQ(at("fail:1").snapshot.event, 10u);  // fragmentation
  EXPECT_EQ(at("fail:1").snapshot.letters, kHoles);
  EXPECT_EQ(at("fail:2").snapshot.event, 11u);    // capacity
  const CapturedHeapMap disabled = at("fail:3");  // gc disabled: the dropped objects stay
  EXPECT_EQ(disabled.snapshot.event, 16u);
  EXPECT_EQ(disabled.snapshot.letters, kHoles);
}

TEST(HeapMapCapture, BornEventsFollowTheObjects) {
  const HeapSnapshot s = at("5").snapshot;
  EXPECT_EQ(s.born_event[0], 0u);
  EXPECT_EQ(s.born_event[31], 0u);
  EXPECT_EQ(s.born_event[32], 1u);
  EXPECT_EQ(s.born_event[98], 5u);
  EXPECT_EQ(s.born_event[99], kNoEvent);
}

TEST(HeapMapCapture, MissingPointsAreErrors) {
  auto message = [](std::string_view text) {
    try {
      at(text);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("23"), "--at 23: the trace has 23 events (0 to 22)");
  EXPECT_EQ(message("fail:4"), "--at fail:4: the replay had 3 MemoryError(s)");
  EXPECT_EQ(message("mark:x#2"), "--at mark:x#2: the trace has 0 mark(s) labelled 'x'");
}

TEST(HeapMapCapture, EmptyHeapSnapshot) {
  const auto layout = compute_layout({.heap_bytes = 4096});
  ASSERT_TRUE(layout);
  const HeapSnapshot s = empty_heap_snapshot(*layout);
  EXPECT_EQ(s.letters, dots(124));
  EXPECT_EQ(s.info.free, 124u * 32);
  EXPECT_EQ(s.event, kNoEvent);
}

}  // namespace
}  // namespace gcsim
