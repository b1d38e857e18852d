// Collector::realloc: does gc_realloc keep, shrink, grow in place or move an allocation as
// py/gc.c v1.11 does (docs/collector.md §5), counting and collecting only on a move?
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <stdexcept>

#include "collector/collector.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::Heap;
using test::kB;

TEST(CollectorRealloc, SameBlockCountChangesNothing) {
  // §5 step 6: 40 → 64 bytes is 2 → 2 blocks, and 40 → 33 too: ptr unchanged.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(40);
  h.held(32);
  ASSERT_EQ(h.map(), "h=h.....");
  for (std::uint64_t n_bytes : {64u, 33u}) {
    const ReallocOutcome out = h.collector.realloc(a, n_bytes, true);
    EXPECT_EQ(out.kind, ReallocKind::same_blocks);
    EXPECT_EQ(out.head, a);
    EXPECT_EQ(out.old_blocks, 2u);
    EXPECT_EQ(out.new_blocks, 2u);
    EXPECT_FALSE(out.collection);
  }
  EXPECT_EQ(h.map(), "h=h.....");
  EXPECT_EQ(h.amount(), 3u);
}

TEST(CollectorRealloc, ShrinkFreesTheTailInPlace) {
  // §5 step 7: 4 → 2 blocks frees blocks head+2..head+3; the amount is unchanged.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(4 * kB);
  h.held(32);
  ASSERT_EQ(h.map(), "h===h...");
  const ReallocOutcome out = h.collector.realloc(a, 40, true);
  EXPECT_EQ(out.kind, ReallocKind::shrunk);
  EXPECT_EQ(out.head, a);
  EXPECT_EQ(out.old_blocks, 4u);
  EXPECT_EQ(out.new_blocks, 2u);
  EXPECT_EQ(h.map(), "h=..h...");
  EXPECT_EQ(h.amount(), 5u);
  // The freed tail is the lowest hole: the next 2-block request takes it.
  const AllocOutcome next = h.collector.alloc(2 * kB, false);
  ASSERT_NE(next.head, kNoBlock);
  EXPECT_EQ(next.head.value, 2u);
}

TEST(CollectorRealloc, GrowInPlaceTakesTheFollowingFreeBlocksWithoutCountingOrCollecting) {
  // §5 step 8: no threshold check, no collection, gc_alloc_amount not incremented.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  ASSERT_EQ(h.map(), "h.......");
  h.collector.trigger().set_threshold(0);  // any gc_alloc would collect first
  const ReallocOutcome out = h.collector.realloc(a, 3 * kB, true);
  EXPECT_EQ(out.kind, ReallocKind::grown_in_place);
  EXPECT_EQ(out.head, a);
  EXPECT_EQ(out.old_blocks, 1u);
  EXPECT_EQ(out.new_blocks, 3u);
  EXPECT_FALSE(out.collection);
  EXPECT_EQ(h.collector.collections(), 0u);
  EXPECT_EQ(h.amount(), 1u);
  EXPECT_EQ(h.map(), "h==.....");
}

TEST(CollectorRealloc, GrowInPlaceUpToTheNextAllocationExactly) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  h.held(32);
  h.held(32);
  h.free(BlockIndex(1));
  ASSERT_EQ(h.map(), "h.h.....");
  const ReallocOutcome out = h.collector.realloc(a, 2 * kB, false);  // no move needed
  EXPECT_EQ(out.kind, ReallocKind::grown_in_place);
  EXPECT_EQ(h.map(), "h=h.....");
}

TEST(CollectorRealloc, GrowInPlaceAtThePoolEndCannotPassIt) {
  Heap h(test::kHeap4Blocks);
  h.held(32);
  h.held(32);
  const BlockIndex last = h.held(2 * kB);
  ASSERT_EQ(h.map(), "hhh=");
  const ReallocOutcome out = h.collector.realloc(last, 3 * kB, true);
  EXPECT_EQ(out.kind, ReallocKind::failed);  // nothing after it, and no room to move
  EXPECT_EQ(out.head, last);
  EXPECT_EQ(h.map(), "hhh=");
}

TEST(CollectorRealloc, MoveAllocatesWhileOldIsLiveThenFreesOld) {
  // §5 step 9: the old block is still allocated during the gc_alloc, so the new run can never
  // overlap it, even where old + the free block before it would fit. Layout ".hh....." with
  // the object at 1 growing to 2 blocks: block 2 is taken, so it moves to the first run of 2
  // free blocks with block 1 still in use, which is 3..4; then block 1 is freed.
  Heap h(test::kHeap8Blocks);
  h.held(32);
  const BlockIndex b = h.held(32);
  h.held(32);
  h.free(BlockIndex(0));
  ASSERT_EQ(h.map(), ".hh.....");
  const ReallocOutcome out = h.collector.realloc(b, 2 * kB, true);
  EXPECT_EQ(out.kind, ReallocKind::moved);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 3u);
  EXPECT_EQ(out.old_blocks, 1u);
  EXPECT_EQ(out.new_blocks, 2u);
  EXPECT_EQ(h.map(), "..hh=...");
}

TEST(CollectorRealloc, MoveCarriesTheFinaliserFlag) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32, /*has_finaliser=*/true);
  h.held(32);
  ASSERT_TRUE(h.collector.has_finaliser(a));
  const ReallocOutcome out = h.collector.realloc(a, 3 * kB, true);
  ASSERT_EQ(out.kind, ReallocKind::moved);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 2u);
  EXPECT_TRUE(h.collector.has_finaliser(out.head));
  EXPECT_FALSE(h.collector.has_finaliser(a));  // gc_free(old) cleared the old bit
  EXPECT_EQ(h.map(), ".hh==...");
}

TEST(CollectorRealloc, MoveWithoutFinaliserDoesNotGainOne) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  h.held(32);
  const ReallocOutcome out = h.collector.realloc(a, 2 * kB, true);
  ASSERT_EQ(out.kind, ReallocKind::moved);
  EXPECT_FALSE(h.collector.has_finaliser(out.head));
}

TEST(CollectorRealloc, MoveCountsTheWholeNewSizeTowardsTheThreshold) {
  // A move is a full gc_alloc: amount += new_blocks (3), not the delta (2).
  Heap h(test::kHeap16Blocks);
  const BlockIndex a = h.held(32);
  h.held(32);
  ASSERT_EQ(h.amount(), 2u);
  const ReallocOutcome out = h.collector.realloc(a, 3 * kB, true);
  ASSERT_EQ(out.kind, ReallocKind::moved);
  EXPECT_EQ(h.amount(), 5u);
}

TEST(CollectorRealloc, MoveRunsTheThresholdCheckFirst) {
  Heap h(test::kHeap16Blocks);
  const BlockIndex a = h.held(32);
  h.held(32);
  h.garbage(32);
  h.collector.trigger().set_threshold(3 * kB);  // amount 3 ≥ 3
  const ReallocOutcome out = h.collector.realloc(a, 2 * kB, true);
  ASSERT_EQ(out.kind, ReallocKind::moved);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(out.collection->heads_freed, 1u);  // the garbage at block 2
  // After the collection "hh.............." the 2-block run with block 0 still live is 2..3.
  EXPECT_EQ(out.head.value, 2u);
  EXPECT_EQ(h.map(), ".hh=............");
  EXPECT_EQ(h.amount(), 2u);
}

TEST(CollectorRealloc, MoveThatFailsKeepsTheOldAllocation) {
  // gc_alloc fails (after its one OOM collection): NULL, MemoryError, old block kept.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(2 * kB);
  for (int i = 0; i < 5; ++i) h.held(32);
  ASSERT_EQ(h.map(), "h=hhhhh.");
  const ReallocOutcome out = h.collector.realloc(a, 3 * kB, true);
  EXPECT_EQ(out.kind, ReallocKind::failed);
  EXPECT_EQ(out.head, a);
  EXPECT_EQ(out.old_blocks, 2u);
  EXPECT_EQ(out.new_blocks, 3u);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::oom);
  EXPECT_EQ(h.map(), "h=hhhhh.");
  EXPECT_EQ(h.collector.classify_failure(out.new_blocks), FailureClass::capacity);
}

TEST(CollectorRealloc, NoMoveAllowedFailsWithoutAllocatingOrCollecting) {
  // m_realloc_maybe with allow_move false: grow in place or return NULL.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  h.held(32);
  h.collector.trigger().set_threshold(0);
  const ReallocOutcome out = h.collector.realloc(a, 2 * kB, false);
  EXPECT_EQ(out.kind, ReallocKind::failed);
  EXPECT_EQ(out.head, a);
  EXPECT_FALSE(out.collection);
  EXPECT_EQ(h.collector.collections(), 0u);
  EXPECT_EQ(h.amount(), 2u);
  EXPECT_EQ(h.map(), "hh......");
}

TEST(CollectorRealloc, FromNullIsAPlainAllocWithoutFinaliser) {
  // §5 step 1: gc_realloc(NULL, n) = gc_alloc(n, 0).
  Heap h(test::kHeap8Blocks);
  h.held(32);
  const ReallocOutcome out = h.collector.realloc(kNoBlock, 3 * kB, true);
  EXPECT_EQ(out.kind, ReallocKind::from_null);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 1u);
  EXPECT_EQ(out.old_blocks, 0u);
  EXPECT_EQ(out.new_blocks, 3u);
  EXPECT_FALSE(h.collector.has_finaliser(out.head));
  EXPECT_EQ(h.amount(), 4u);
  EXPECT_EQ(h.map(), "hh==....");
}

TEST(CollectorRealloc, FromNullRunsTheThresholdCheckAndCanFail) {
  Heap h(test::kHeap4Blocks);
  for (int i = 0; i < 4; ++i) h.held(32);
  h.collector.trigger().set_threshold(0);
  const ReallocOutcome out = h.collector.realloc(kNoBlock, 32, true);
  EXPECT_EQ(out.kind, ReallocKind::failed);
  EXPECT_EQ(out.head, kNoBlock);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(h.collector.collections(), 1u);
}

TEST(CollectorRealloc, ToZeroBytesFrees) {
  // §5 step 2: gc_free(ptr), return NULL. The amount is not refunded.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(3 * kB, /*has_finaliser=*/true);
  h.held(32);
  const ReallocOutcome out = h.collector.realloc(a, 0, true);
  EXPECT_EQ(out.kind, ReallocKind::freed);
  EXPECT_EQ(out.head, kNoBlock);
  EXPECT_EQ(out.old_blocks, 3u);
  EXPECT_EQ(out.new_blocks, 0u);
  EXPECT_FALSE(out.collection);
  EXPECT_EQ(h.map(), "...h....");
  EXPECT_FALSE(h.collector.has_finaliser(a));
  EXPECT_EQ(h.amount(), 4u);
}

TEST(CollectorRealloc, OfANonHeadIsAContractError) {
  Heap h(test::kHeap8Blocks);
  h.held(2 * kB);
  EXPECT_THROW(h.collector.realloc(BlockIndex(1), 32, true), std::invalid_argument);  // TAIL
  EXPECT_THROW(h.collector.realloc(BlockIndex(4), 32, true), std::invalid_argument);  // FREE
  EXPECT_THROW(h.collector.realloc(BlockIndex(8), 32, true), std::invalid_argument);  // past N
  EXPECT_EQ(h.map(), "h=......");
}

// §5 step 9: "The old block is still allocated during that call, so the new run can never
// overlap the old one. Any collection run inside it sees the old block only through
// conservative roots; the caller holds it on the C stack, so in practice it survives."
// Here the program holds nothing, so only the realloc call itself keeps the old block alive.
// Layout "hh......": a (block 0) grows to 2 blocks; b (block 1, held) is in the way, so it
// moves. Threshold 0 makes the move's gc_alloc collect first. Expected: a survives that
// collection, the new run goes to 2..3 (the first 2 free blocks with a still at 0), then a is
// freed: ".hh=....", and the sweep reported no head.
TEST(CollectorRealloc, MoveKeepsTheOldAllocationAliveThroughItsOwnCollection) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.garbage(32);
  h.held(32);
  ASSERT_EQ(h.map(), "hh......");
  h.collector.trigger().set_threshold(0);
  ReallocOutcome out;
  ASSERT_NO_THROW(out = h.collector.realloc(a, 2 * kB, true));
  EXPECT_EQ(out.kind, ReallocKind::moved);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 2u);
  EXPECT_TRUE(h.mutator.swept_heads.empty());
  EXPECT_EQ(h.map(), ".hh=....");
}

// The same rule where breaking it is silent: the garbage after `a` makes the collection free
// both, the new 2-block run then starts at a's own block 0, and freeing "the old block" frees
// the new one. Expected (a kept alive by the call): new run at 1..2, then a freed: ".h=.....".
TEST(CollectorRealloc, MoveNeverReturnsABlockItFreed) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.garbage(32);
  h.garbage(32);
  ASSERT_EQ(h.map(), "hh......");
  h.collector.trigger().set_threshold(0);
  ReallocOutcome out;
  ASSERT_NO_THROW(out = h.collector.realloc(a, 2 * kB, true));
  ASSERT_EQ(out.kind, ReallocKind::moved);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(h.collector.table().kind(out.head), BlockKind::head);
  EXPECT_EQ(out.head.value, 1u);
  EXPECT_EQ(h.map(), ".h=.....");
}

}  // namespace
}  // namespace gcsim
