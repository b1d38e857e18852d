// TraceBuilder and Variables: fresh ids, adopt as ref-then-drop, and names that drop their old
// value only after the new one exists (STORE_NAME order).
#include "synth/trace_builder.h"

#include <gtest/gtest.h>

#include "synth/variables.h"
#include "synth_events.h"

namespace gcsim::synth {
namespace {

using test::RecordingBuilder;

TEST(SynthTraceBuilder, GivesFreshIdsFromOneAndCountsAllocations) {
  RecordingBuilder r;
  EXPECT_EQ(r.b.alloc(8), ObjectId{1});
  EXPECT_EQ(r.b.alloc(8, "str", true), ObjectId{2});
  EXPECT_EQ(r.b.allocations(), 2u);
  r.b.free(ObjectId{1});
  EXPECT_EQ(r.b.alloc(8), ObjectId{3});
  EXPECT_EQ(r.shown(), "a1:8 a2:8:str:fin f1 a3:8");
}

TEST(SynthTraceBuilder, AdoptIsRefThenDropAndIgnoresNoObject) {
  RecordingBuilder r;
  const ObjectId parent = r.b.alloc(32);
  r.b.adopt(parent, r.b.alloc(16));
  r.b.adopt(parent, ObjectId{});
  r.b.drop(ObjectId{});
  EXPECT_EQ(r.shown(), "a1:32 a2:16 1>2 d2");
}

TEST(SynthTraceBuilder, RefusesEventsOnNoObject) {
  RecordingBuilder r;
  EXPECT_THROW(r.b.free(ObjectId{}), std::logic_error);
  EXPECT_THROW(r.b.ref(ObjectId{}, ObjectId{1}), std::logic_error);
  EXPECT_THROW(r.b.realloc(ObjectId{}, 8), std::logic_error);
}

TEST(SynthTraceBuilder, MarksAndCollects) {
  RecordingBuilder r;
  r.b.mark("frame 0");
  r.b.collect();
  EXPECT_EQ(r.shown(), "m:frame 0 c");
}

TEST(SynthVariables, RebindingDropsTheOldValueAfterTheNewOneIsMade) {
  RecordingBuilder r;
  Variables vars(r.b);
  vars.bind("img", r.b.alloc(40));
  vars.bind("img", r.b.alloc(40));
  vars.bind("img", ObjectId{});
  vars.unbind("img");
  vars.unbind("never");
  EXPECT_EQ(r.shown(), "a1:40 a2:40 d1 d2");
}

TEST(SynthVariables, ReleaseAllDropsEveryName) {
  RecordingBuilder r;
  Variables locals(r.b);
  locals.bind("a", r.b.alloc(16));
  locals.bind("b", r.b.alloc(16));
  locals.release_all();
  EXPECT_EQ(r.shown(), "a1:16 a2:16 d1 d2");
  EXPECT_FALSE(locals.get("a"));
}

TEST(SynthVariables, RefusesAnAliasBecauseHoldsAreNotCounted) {
  RecordingBuilder r;
  Variables vars(r.b);
  vars.bind("img", r.b.alloc(40));
  EXPECT_THROW(vars.bind("a", vars.get("img")), std::logic_error);
  vars.bind("img", vars.get("img"));  // rebinding a name to its own value changes nothing
  EXPECT_EQ(r.shown(), "a1:40");
}

}  // namespace
}  // namespace gcsim::synth
