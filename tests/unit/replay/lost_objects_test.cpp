// Lost objects: is liveness a property of the trace, not of the heap? An object whose
// allocation failed, and one swept because only a lost object reached it, must keep what they
// hold alive, and events naming them must be skipped — never refused as dead — so that a trace
// valid on a large heap is valid on every heap. A trace that really names a dead object is
// still refused.
#include <gtest/gtest.h>

#include "replay/rule_violation.h"
#include "replay/simulation.h"

namespace gcsim {
namespace {

class LostObjects : public testing::Test {
 protected:
  // k210 geometry, 4 KiB heap: 124 blocks of 32 bytes.
  LostObjects() : sim_(*compute_layout({.heap_bytes = 4096})) {}

  EventOutcome apply(Op op, std::uint64_t id, std::uint64_t size_or_to = 0) {
    Event e;
    e.op = op;
    e.id = id;
    (op == Op::ref || op == Op::unref ? e.to : e.size) = size_or_to;
    return sim_.apply(e, EventIndex(index_++));
  }
  std::uint64_t used_blocks() const { return sim_.collector().table().used_blocks(); }

  Simulation sim_;
  std::uint64_t index_ = 0;
};

TEST_F(LostObjects, WhatAFailedObjectHoldsStaysAliveAndEventsOnItAreSkipped) {
  EXPECT_TRUE(apply(Op::alloc, 1, 100000).failure);  // far over the pool: MemoryError
  EXPECT_FALSE(apply(Op::alloc, 2, 32).failure);
  EXPECT_TRUE(apply(Op::ref, 1, 2).skipped);  // stored in the program, not in the heap
  EXPECT_FALSE(apply(Op::drop, 2).skipped);   // 2 lives on through 1, as in the recorded run
  // 2 was swept (no heap pointer reaches it) but the program still reaches it: lost, skipped.
  const EventOutcome collect = apply(Op::collect, 0);
  EXPECT_EQ(collect.collection->heads_freed, 1u);
  EXPECT_EQ(used_blocks(), 0u);
  EXPECT_TRUE(apply(Op::realloc, 2, 64).skipped);
  EXPECT_EQ(used_blocks(), 0u);
  EXPECT_TRUE(apply(Op::unref, 1, 2).skipped);
  // Now nothing reaches 2: naming it is the trace's error again.
  EXPECT_THROW(apply(Op::hold, 2), RuleViolation);
  EXPECT_TRUE(apply(Op::free, 1).skipped);
  EXPECT_THROW(apply(Op::drop, 1), RuleViolation);
}

TEST_F(LostObjects, ASweptObjectTheHeapStillReachesIsNotLost) {
  EXPECT_TRUE(apply(Op::alloc, 1, 100000).failure);  // one lost object exists
  apply(Op::alloc, 2, 64);
  apply(Op::alloc, 3, 32);
  apply(Op::ref, 2, 3);
  apply(Op::drop, 3);
  apply(Op::collect, 0);
  EXPECT_EQ(used_blocks(), 3u);              // 3 is reached through 2's memory
  EXPECT_FALSE(apply(Op::hold, 3).skipped);  // and is an ordinary object
  EXPECT_FALSE(apply(Op::realloc, 3, 200).skipped);
}

TEST_F(LostObjects, GarbageIsStillDeadWithLostObjectsAround) {
  EXPECT_TRUE(apply(Op::alloc, 1, 100000).failure);
  apply(Op::alloc, 2, 32);
  apply(Op::drop, 2);  // reached by nothing
  apply(Op::collect, 0);
  EXPECT_THROW(apply(Op::hold, 2), RuleViolation);
  EXPECT_EQ(sim_.program().reachable_objects(), 0u);  // the lost object 1 has no memory
}

}  // namespace
}  // namespace gcsim
