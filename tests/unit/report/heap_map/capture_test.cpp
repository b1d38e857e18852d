// heap_map_capture: is the heap taken at the point `--at` names — an event, the peak, the end,
// the K-th MemoryError, a label's mark (the HEAPMAP one of an imported log), the K-th mark —
// and is a point the trace lacks an error naming it and what the trace has instead?
// tests/cli/data/classes.jsonl and labels.jsonl on a 4,096-byte k210 heap (124 blocks); their
// README gives the heap after every step.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "report/heap_map/capture.h"
#include "text_checks.h"

namespace gcsim {
namespace {

const std::string kTrace = std::string(GCSIM_TEST_DATA_DIR) + "/cli/data/classes.jsonl";

ReplaySettings settings() {
  ReplaySettings s;
  s.preset = "k210";
  s.geometry.heap_bytes = 4096;
  return s;
}

const std::string kLabels = std::string(GCSIM_TEST_DATA_DIR) + "/cli/data/labels.jsonl";

CapturedHeapMap at(std::string_view text, const std::string& trace = kTrace) {
  const ReplaySettings s = settings();
  return capture_heap_map(
      trace, [&](const TraceHeader&) { return s; }, parse_heap_map_target(text));
}

std::string error_at(std::string_view text, const std::string& trace = kTrace) {
  try {
    at(text, trace);
  } catch (const std::runtime_error& e) {
    return std::string(e.what());
  }
  return "no error";
}

std::string object(std::size_t n_blocks) {
  return std::string("h") + std::string(n_blocks - 1, '=');
}
// Events 0–5: 1,024 B, 32 B three times over, at blocks 0, 32, 33, 65, 66, 98.
const std::string kFull = object(32) + "h" + object(32) + "h" + object(32) + "h" + test::dots(25);
// After the collection at event 9: the three 32-byte objects.
const std::string kHoles =
    test::dots(32) + "h" + test::dots(32) + "h" + test::dots(32) + "h" + test::dots(25);

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
  EXPECT_EQ(end.snapshot.letters, std::string("hhh") + test::dots(121));
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

TEST(HeapMapCapture, AtAMark) {
  // An OBSERVE's mark and a HEAPMAP's share the label: the HEAPMAP's (no observe after it) wins.
  EXPECT_EQ(at("mark:start", kLabels).snapshot.event, 4u);
  EXPECT_EQ(at("mark:start", kLabels).snapshot.letters, object(2) + "h" + test::dots(121));
  EXPECT_EQ(at("mark:start#1", kLabels).snapshot.event, 1u);
  EXPECT_EQ(at("mark:start#2", kLabels).snapshot.event, 4u);
  EXPECT_EQ(at("mark:frame 1", kLabels).snapshot.event, 7u);
  EXPECT_EQ(at("mark:twice#2", kLabels).snapshot.event, 9u);
}

TEST(HeapMapCapture, MissingPointsAreErrors) {
  EXPECT_EQ(error_at("23"), "--at 23: the trace has 23 events (0 to 22)");
  EXPECT_EQ(error_at("fail:4"), "--at fail:4: the replay had 3 MemoryErrors");
  EXPECT_EQ(error_at("mark:x#2"), "--at mark:x#2: the trace has no marks");
  EXPECT_EQ(error_at("mark:frame_0", kLabels),
            "--at mark:frame_0: the trace has no mark labelled 'frame_0'; its labels: 'start', "
            "'frame 0', 'frame 1', 'twice'");
  EXPECT_EQ(error_at("mark:start#3", kLabels),
            "--at mark:start#3: the trace has 2 marks labelled 'start'");
  EXPECT_EQ(error_at("mark:twice", kLabels),
            "--at mark:twice: 2 marks are labelled 'twice'; say which: mark:twice#1 (event 8), "
            "mark:twice#2 (event 9)");
}

TEST(HeapMapCapture, EmptyHeapSnapshot) {
  const auto layout = compute_layout({.heap_bytes = 4096});
  ASSERT_TRUE(layout);
  const HeapSnapshot s = empty_heap_snapshot(*layout);
  EXPECT_EQ(s.letters, test::dots(124));
  EXPECT_EQ(s.info.free, 124u * 32);
  EXPECT_EQ(s.event, kNoEvent);
}

}  // namespace
}  // namespace gcsim
