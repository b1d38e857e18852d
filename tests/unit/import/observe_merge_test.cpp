// Merging a device capture into a trace: are OBSERVE lines read (and other lines ignored), does
// the k-th OBSERVE of a label land right after the trace's k-th mark of that label, and is an
// OBSERVE without such a mark, or a garbled OBSERVE line, an error naming the line and label?
#include "import/observe_merge.h"

#include <sstream>

#include <gtest/gtest.h>

#include "import_files.h"
#include "trace/reader.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

using namespace gcsim::test;

constexpr const char* kTrace =
    R"({"format":"gcsim-trace","version":1,"name":"t"}
{"op":"mark","label":"start"}
{"op":"alloc","id":1,"size":48}
{"op":"mark","label":"frame"}
{"op":"alloc","id":2,"size":32}
{"op":"mark","label":"frame"}
{"op":"mark","label":"end"}
)";

std::vector<Observation> capture(const std::string& text) {
  std::istringstream in(text);
  return read_observe_capture(in, "cap.txt");
}

TEST(ObserveCapture, ReadsObserveLinesAndIgnoresTheRest) {
  const auto observations = capture(
      "MicroPython v0.5.0 on 2019-11-29\r\n"
      "OBSERVE start 16896 501248\r\n"
      "fps: 30.1\n"
      "OBSERVE frame 17024 501120\n"
      "OBSERVE frame 1 17056 501088\n");
  ASSERT_EQ(observations.size(), 3u);
  EXPECT_EQ(observations[0].line, 2u);
  EXPECT_EQ(observations[0].label, "start");
  EXPECT_EQ(observations[0].mem_alloc, 16896);
  EXPECT_EQ(observations[0].mem_free, 501248);
  EXPECT_EQ(observations[1].line, 4u);
  EXPECT_EQ(observations[1].label, "frame");
  EXPECT_EQ(observations[2].label, "frame 1");  // a label with a space, as gcsim synth marks
  EXPECT_EQ(observations[2].mem_alloc, 17056);
}

TEST(ObserveCapture, AGarbledObserveLineIsAnError) {
  try {
    capture("OBSERVE start 16896 501248\nOBSERVE frame 17024\n");
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.info().file, "cap.txt");
    EXPECT_EQ(e.info().line, 2u);
    EXPECT_EQ(e.info().rule, "bad-observe-line");
  }
}

TEST(ObserveMerge, PutsTheKthObserveOfALabelAfterTheKthMarkOfThatLabel) {
  ImportFiles files;
  const std::string trace = files.write("t.jsonl", kTrace);
  std::ostringstream out;
  const MergeResult result = merge_observations(
      trace, capture("OBSERVE frame 1 2\nOBSERVE start 3 4\nOBSERVE frame 5 6\n"), "cap.txt", out);
  EXPECT_EQ(out.str(), R"({"format":"gcsim-trace","version":1,"name":"t"}
{"op":"mark","label":"start"}
{"op":"observe","mem_alloc":3,"mem_free":4}
{"op":"alloc","id":1,"size":48}
{"op":"mark","label":"frame"}
{"op":"observe","mem_alloc":1,"mem_free":2}
{"op":"alloc","id":2,"size":32}
{"op":"mark","label":"frame"}
{"op":"observe","mem_alloc":5,"mem_free":6}
{"op":"mark","label":"end"}
)");
  EXPECT_EQ(result.events, 9u);
  EXPECT_EQ(result.observations, 3u);
}

TEST(ObserveMerge, AnObserveWithoutAMarkIsAnErrorNamingTheLabel) {
  ImportFiles files;
  const std::string trace = files.write("t.jsonl", kTrace);
  std::ostringstream out;
  try {
    merge_observations(trace, capture("OBSERVE start 1 2\n\nOBSERVE boot 3 4\n"), "cap.txt", out);
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.info().file, "cap.txt");
    EXPECT_EQ(e.info().line, 3u);
    EXPECT_EQ(e.info().rule, "observe-without-mark");
    EXPECT_EQ(e.info().detail, trace + " has no mark 'boot' to put OBSERVE boot after");
  }
}

TEST(ObserveMerge, MoreObservesThanMarksOfALabelIsAnError) {
  ImportFiles files;
  const std::string trace = files.write("t.jsonl", kTrace);
  std::ostringstream out;
  try {
    merge_observations(trace, capture("OBSERVE frame 1 2\nOBSERVE frame 1 2\nOBSERVE frame 1 2\n"),
                       "cap.txt", out);
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.info().line, 3u);
    EXPECT_EQ(e.info().rule, "observe-without-mark");
    EXPECT_NE(e.info().detail.find("only 2 mark(s) 'frame'"), std::string::npos);
  }
}

TEST(ObserveMerge, TheMergedTraceReadsBack) {
  ImportFiles files;
  const std::string trace = files.write("t.jsonl", kTrace);
  const std::string merged = files.path("m.jsonl");
  {
    std::ofstream out(merged);
    merge_observations(trace, capture("OBSERVE end 7 8\n"), "cap.txt", out);
  }
  const std::vector<Event> events = read_all_events(merged);
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events.back().op, Op::observe);
  EXPECT_EQ(events.back().mem_alloc, 7);
  EXPECT_EQ(events.back().mem_free, 8);
}

}  // namespace
}  // namespace gcsim
