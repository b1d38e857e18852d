// Collector::alloc: does gc_alloc place, count and collect exactly as py/gc.c v1.11 does
// (docs/collector.md §3, §6 gc_collect_start, §8, Appendix A.3–A.4)? Block rounding, first
// fit, the threshold check before the search with the amount in blocks, at most one collection
// per call, gc.disable(), and why a failed allocation failed.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "collector/collector.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::Heap;
using test::kB;

TEST(CollectorAlloc, HeapSizesOfTheTestHelpers) {
  EXPECT_EQ(Heap(test::kHeap8Blocks).collector.table().size(), 8u);
  EXPECT_EQ(Heap(test::kHeap32Blocks).collector.table().size(), 32u);
  EXPECT_EQ(Heap(test::kHeap64Blocks).collector.table().size(), 64u);
}

TEST(CollectorAlloc, BytesRoundUpToWholeBlocks) {
  // n_blocks = ⌈n_bytes / 32⌉: 0 → 0, 1 → 1, 31 → 1, 32 → 1, 33 → 2, 64 → 2, 65 → 3.
  Heap h(test::kHeap32Blocks);
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> cases = {
      {0, 0}, {1, 1}, {31, 1}, {32, 1}, {33, 2}, {64, 2}, {65, 3}};
  for (const auto& [n_bytes, n_blocks] : cases) {
    EXPECT_EQ(h.collector.blocks_for(n_bytes), n_blocks) << n_bytes;
  }
  std::uint32_t next = 0;
  for (const auto& [n_bytes, n_blocks] : cases) {
    if (n_blocks == 0) continue;
    const AllocOutcome out = h.collector.alloc(n_bytes, false);
    ASSERT_NE(out.head, kNoBlock) << n_bytes;
    EXPECT_EQ(out.n_blocks, n_blocks) << n_bytes;
    EXPECT_EQ(out.head.value, next) << n_bytes;
    EXPECT_EQ(h.collector.table().chain_length(out.head), n_blocks) << n_bytes;
    next += static_cast<std::uint32_t>(n_blocks);
  }
  // 1 + 1 + 1 + 2 + 2 + 3 = 10 blocks: h h h h= h= h==
  EXPECT_EQ(h.map(), "hhhh=h=h==......................");
  EXPECT_EQ(h.amount(), 10u);  // the amount is in blocks, not the 226 bytes asked for
}

TEST(CollectorAlloc, ZeroBytesReturnsNoHeadAndTouchesNothing) {
  // §3 step 2: n_blocks == 0 returns NULL before the lock, threshold and counter.
  Heap h(test::kHeap8Blocks);
  h.collector.trigger().set_threshold(0);  // a collection would be due on any real request
  h.garbage(32);
  ASSERT_EQ(h.amount(), 1u);  // threshold 0: that allocation collected first (nothing to free)
  ASSERT_EQ(h.collector.collections(), 1u);
  const AllocOutcome out = h.collector.alloc(0, true);
  EXPECT_EQ(out.head, kNoBlock);
  EXPECT_EQ(out.n_blocks, 0u);
  EXPECT_FALSE(out.failed());  // m_malloc(0) does not raise
  EXPECT_FALSE(out.collection);
  EXPECT_EQ(h.collector.collections(), 1u);
  EXPECT_EQ(h.amount(), 1u);
  EXPECT_EQ(h.map(), "h.......");
}

TEST(CollectorAlloc, ZeroBytesOnAFullHeapMakesNoOomCollection) {
  Heap h(test::kHeap4Blocks);
  for (int i = 0; i < 4; ++i) h.garbage(32);
  ASSERT_EQ(h.map(), "hhhh");
  const AllocOutcome out = h.collector.alloc(0, false);
  EXPECT_EQ(out.head, kNoBlock);
  EXPECT_FALSE(out.failed());
  EXPECT_EQ(h.collector.collections(), 0u);
  EXPECT_EQ(h.map(), "hhhh");  // the garbage is still there: nothing collected
}

TEST(CollectorAlloc, FirstFitIntoHolesSpecSection3Example) {
  // §3 [emp]: after frees at blocks 2 and 17–25, a 3-block request goes to 17 and the next
  // 1-block request goes to 2.
  Heap h(test::kHeap32Blocks);
  for (int i = 0; i < 17; ++i) h.held(32);  // blocks 0..16
  const BlockIndex nine = h.held(9 * kB);   // blocks 17..25
  ASSERT_EQ(nine.value, 17u);
  for (int i = 0; i < 6; ++i) h.held(32);  // blocks 26..31
  ASSERT_EQ(h.map(), "hhhhhhhhhhhhhhhhhh========hhhhhh");
  h.free(BlockIndex(2));
  h.free(nine);
  ASSERT_EQ(h.map(), "hh.hhhhhhhhhhhhhh.........hhhhhh");

  const AllocOutcome three = h.collector.alloc(3 * kB, false);
  ASSERT_NE(three.head, kNoBlock);
  EXPECT_EQ(three.head.value, 17u);
  const AllocOutcome one = h.collector.alloc(1, false);
  ASSERT_NE(one.head, kNoBlock);
  EXPECT_EQ(one.head.value, 2u);
  EXPECT_EQ(h.map(), "hhhhhhhhhhhhhhhhhh==......hhhhhh");
}

TEST(CollectorAlloc, FirstFitTakesTheFirstBlocksOfTheLowestLongEnoughRun) {
  Heap h(test::kHeap16Blocks);
  for (int i = 0; i < 10; ++i) h.held(32);
  for (std::uint32_t b : {1u, 4u, 5u, 7u, 8u, 9u}) {
    h.free(BlockIndex(b));
  }
  ASSERT_EQ(h.map(), "h.hh..h.........");
  const AllocOutcome two = h.collector.alloc(2 * kB, false);  // the run at 4 fits exactly
  ASSERT_NE(two.head, kNoBlock);
  EXPECT_EQ(two.head.value, 4u);
  const AllocOutcome four = h.collector.alloc(4 * kB, false);  // first run ≥ 4 starts at 7
  ASSERT_NE(four.head, kNoBlock);
  EXPECT_EQ(four.head.value, 7u);
  EXPECT_EQ(h.map(), "h.hhh=hh===.....");
}

TEST(CollectorAlloc, ThresholdIsCountedInBlocksAndCheckedBeforeTheSearch) {
  // gc.threshold(96) stores 96 / 32 = 3 blocks. The check "amount ≥ threshold" runs before each
  // search, so the collection comes at the call *after* the amount reaches 3.
  Heap h(test::kHeap16Blocks);
  h.collector.trigger().set_threshold(3 * kB);
  EXPECT_FALSE(h.collector.alloc(33, false).collection);  // amount 0 < 3 → 2 (2 blocks, not 33)
  EXPECT_EQ(h.amount(), 2u);
  EXPECT_FALSE(h.collector.alloc(1, false).collection);  // 2 < 3 → 3
  EXPECT_EQ(h.amount(), 3u);
  const AllocOutcome out = h.collector.alloc(1, false);  // 3 ≥ 3 → collect, then search
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(out.collection->amount_blocks, 3u);
  // Nothing was held: the collection freed both earlier allocations before the search, so the
  // new block goes to block 0.
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 0u);
  EXPECT_EQ(h.amount(), 1u);  // reset to 0 at the collection's start, then this 1 block
  EXPECT_EQ(h.map(), "h...............");
}

TEST(CollectorAlloc, ThresholdCollectionOnAFullHeapIsNotAnOomCollection) {
  // The heap is full of garbage and a threshold collection is due: it runs before the search,
  // the search then succeeds, so the record says threshold, and there is only one.
  Heap h(test::kHeap4Blocks);
  for (int i = 0; i < 4; ++i) h.garbage(32);
  h.collector.trigger().set_threshold(4 * kB);
  const AllocOutcome out = h.collector.alloc(32, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_NE(out.head, kNoBlock);
  EXPECT_EQ(h.collector.collections(), 1u);
}

TEST(CollectorAlloc, AmountResetsAtEveryCollectionStartExplicitToo) {
  Heap h(test::kHeap16Blocks);
  h.held(5 * kB);
  ASSERT_EQ(h.amount(), 5u);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.amount_blocks, 5u);
  EXPECT_EQ(h.amount(), 0u);
  // An out-of-memory collection resets it too: the amount is then only the new allocation.
  Heap full(test::kHeap4Blocks);
  for (int i = 0; i < 4; ++i) full.garbage(32);
  ASSERT_EQ(full.amount(), 4u);
  const AllocOutcome out = full.collector.alloc(2 * kB, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::oom);
  EXPECT_EQ(out.collection->amount_blocks, 4u);
  EXPECT_EQ(full.amount(), 2u);
}

TEST(CollectorAlloc, FreeDoesNotRefundTheAmount) {
  // §4 step 8.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(3 * kB);
  ASSERT_EQ(h.amount(), 3u);
  h.free(a);
  EXPECT_EQ(h.amount(), 3u);
  EXPECT_EQ(h.map(), "........");
}

TEST(CollectorAlloc, ThresholdBelowOneBlockCollectsBeforeEveryAllocation) {
  // gc.threshold(20) with B = 32 stores 20 / 32 = 0; amount ≥ 0 always holds.
  Heap h(test::kHeap8Blocks);
  h.collector.trigger().set_threshold(20);
  ASSERT_EQ(h.collector.trigger().threshold_blocks(), 0u);
  for (std::uint64_t i = 1; i <= 5; ++i) {
    const AllocOutcome out = h.collector.alloc(32, false);
    ASSERT_TRUE(out.collection) << i;
    EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
    EXPECT_EQ(h.collector.collections(), i);
    h.mutator.hold(out.head);
  }
  EXPECT_EQ(h.map(), "hhhhh...");
}

TEST(CollectorAlloc, AtMostOneCollectionPerAllocation) {
  // §3 step 5 (v1.10+): a threshold collection sets `collected`, so a search that then fails
  // returns NULL without an OOM collection.
  Heap h(test::kHeap4Blocks);
  for (int i = 0; i < 4; ++i) h.held(32);
  h.collector.trigger().set_threshold(0);
  const AllocOutcome out = h.collector.alloc(32, false);
  EXPECT_TRUE(out.failed());
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(h.collector.collections(), 1u);
}

TEST(CollectorAlloc, OomCollectionThenRetrySucceeds) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex keep = h.held(2 * kB);     // 0..1
  for (int i = 0; i < 6; ++i) h.garbage(32);  // 2..7
  ASSERT_EQ(h.map(), "h=hhhhhh");
  const AllocOutcome out = h.collector.alloc(3 * kB, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::oom);
  EXPECT_EQ(out.collection->heads_freed, 6u);
  ASSERT_NE(out.head, kNoBlock);
  EXPECT_EQ(out.head.value, 2u);
  EXPECT_EQ(h.map(), "h=h==...");
  EXPECT_EQ(h.collector.collections(), 1u);
  EXPECT_EQ(keep.value, 0u);
}

TEST(CollectorAlloc, OomCollectionThatFreesTooLittleFails) {
  Heap h(test::kHeap4Blocks);
  for (int i = 0; i < 3; ++i) h.held(32);
  h.garbage(32);
  const AllocOutcome out = h.collector.alloc(2 * kB, false);
  EXPECT_TRUE(out.failed());
  EXPECT_EQ(out.n_blocks, 2u);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::oom);
  EXPECT_EQ(h.collector.collections(), 1u);
  EXPECT_EQ(h.map(), "hhh.");  // the garbage was collected even though the request failed
  EXPECT_EQ(h.amount(), 0u);   // and the amount reset with it
}

TEST(CollectorAlloc, RequestLargerThanThePoolFailsAfterOneCollection) {
  Heap h(test::kHeap4Blocks);
  const AllocOutcome out = h.collector.alloc(5 * kB, false);
  EXPECT_TRUE(out.failed());
  EXPECT_EQ(out.n_blocks, 5u);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::oom);
  EXPECT_EQ(h.collector.collections(), 1u);
}

TEST(CollectorAlloc, DisableSuppressesThresholdAndOomCollections) {
  // §3 step 4, §8, Appendix A.4: collected = !enabled, so neither collection happens; the
  // amount keeps growing.
  Heap h(test::kHeap4Blocks);
  h.collector.trigger().set_threshold(0);
  h.collector.trigger().set_enabled(false);
  for (int i = 0; i < 4; ++i) {
    const AllocOutcome out = h.collector.alloc(32, false);
    EXPECT_NE(out.head, kNoBlock);
    EXPECT_FALSE(out.collection);
  }
  const AllocOutcome full = h.collector.alloc(32, false);  // heap full of garbage
  EXPECT_TRUE(full.failed());
  EXPECT_FALSE(full.collection);
  EXPECT_EQ(h.collector.collections(), 0u);
  EXPECT_EQ(h.amount(), 4u);
  EXPECT_EQ(h.map(), "hhhh");
}

TEST(CollectorAlloc, AfterEnableTheNextAllocationCollectsIfAmountReachedThreshold) {
  Heap h(test::kHeap16Blocks);
  h.collector.trigger().set_threshold(2 * kB);
  h.collector.trigger().set_enabled(false);
  h.garbage(3 * kB);  // amount 3 ≥ 2, but disabled
  EXPECT_EQ(h.collector.collections(), 0u);
  h.collector.trigger().set_enabled(true);
  const AllocOutcome out = h.collector.alloc(32, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(out.collection->amount_blocks, 3u);
  EXPECT_EQ(out.head.value, 0u);  // the 3-block garbage was freed first
}

TEST(CollectorAlloc, AfterEnableNoCollectionWhileAmountIsBelowThreshold) {
  Heap h(test::kHeap16Blocks);
  h.collector.trigger().set_threshold(5 * kB);
  h.collector.trigger().set_enabled(false);
  h.garbage(3 * kB);
  h.collector.trigger().set_enabled(true);
  EXPECT_FALSE(h.collector.alloc(32, false).collection);  // 3 < 5 → 4
  EXPECT_FALSE(h.collector.alloc(32, false).collection);  // 4 < 5 → 5
  EXPECT_TRUE(h.collector.alloc(32, false).collection);   // 5 ≥ 5
}

TEST(CollectorAlloc, FinaliserFlagIsSetOnlyWhenAskedAndClearedByFree) {
  Heap h(test::kHeap8Blocks);
  const AllocOutcome with = h.collector.alloc(32, true);
  const AllocOutcome without = h.collector.alloc(32, false);
  ASSERT_NE(with.head, kNoBlock);
  ASSERT_NE(without.head, kNoBlock);
  EXPECT_TRUE(h.collector.has_finaliser(with.head));
  EXPECT_FALSE(h.collector.has_finaliser(without.head));
  h.collector.free(with.head);
  EXPECT_FALSE(h.collector.has_finaliser(with.head));
  // A plain allocation reusing the block does not inherit a stale bit.
  const AllocOutcome again = h.collector.alloc(32, false);
  ASSERT_NE(again.head, kNoBlock);
  EXPECT_EQ(again.head.value, 0u);
  EXPECT_FALSE(h.collector.has_finaliser(again.head));
}

TEST(CollectorAlloc, FreeOfANonHeadIsAContractError) {
  Heap h(test::kHeap8Blocks);
  h.held(2 * kB);
  EXPECT_THROW(h.collector.free(BlockIndex(1)), std::invalid_argument);  // TAIL
  EXPECT_THROW(h.collector.free(BlockIndex(5)), std::invalid_argument);  // FREE
  EXPECT_THROW(h.collector.free(BlockIndex(8)), std::invalid_argument);  // past the pool
  EXPECT_EQ(h.map(), "h=......");
}

// Appendix A.3 [emp]: gc.collect(); gc.threshold(32*40); then x = bytearray(384) in a loop.
// Each iteration allocates the bytearray object (1 block) and its data (384 bytes = 12 blocks).
// The previous iteration's pair stays referenced by x until the new one is assigned, then it is
// garbage. One block allocated before the loop stays live throughout (the printed "blocks in
// use above the baseline" start at 14 = 1 + 13).
//
// Hand-run of the amount (threshold 40 blocks; "c" = collection, which resets it to 0):
//   setup 1 | it0 2,14 | it1 15,27 | it2 28,40 | it3 c(40) 1,13 | it4 14,26 | it5 27,39
//   it6 40, c(40) 12 | it7 13,25 | it8 26,38 | it9 39,51 | it10 c(51) 1,13 | it11 14,26
// Collections: at iteration 3's first allocation, between iteration 6's two allocations, at
// iteration 10's first allocation. Used blocks printed after each iteration (v1.28.0 run):
//   14, 27, 40, 27, 40, 53, 27, 40, 53, 66, 27, 40.
TEST(CollectorAlloc, AppendixA3ThresholdTiming) {
  Heap h(524288);
  ASSERT_EQ(h.collector.table().size(), 16192u);
  h.collector.collect(CollectionCause::explicit_);
  h.collector.trigger().set_threshold(32 * 40);
  ASSERT_EQ(h.collector.trigger().threshold_blocks(), 40u);
  h.held(32);  // the setup block

  struct Seen {
    int iteration;
    int allocation;  // 0: the bytearray object, 1: its data
    CollectionRecord record;
  };
  std::vector<Seen> seen;
  std::vector<std::uint32_t> used;
  BlockIndex x = kNoBlock;  // the previous iteration's bytearray object
  for (int it = 0; it < 12; ++it) {
    const AllocOutcome obj = h.collector.alloc(32, false);
    ASSERT_NE(obj.head, kNoBlock);
    if (obj.collection) seen.push_back({it, 0, *obj.collection});
    h.mutator.hold(obj.head);  // on the C stack while its data is allocated
    const AllocOutcome data = h.collector.alloc(384, false);
    ASSERT_NE(data.head, kNoBlock);
    ASSERT_EQ(data.n_blocks, 12u);
    if (data.collection) seen.push_back({it, 1, *data.collection});
    h.mutator.link(obj.head, data.head);
    if (x != kNoBlock) h.mutator.drop(x);  // x = the new bytearray: the old pair becomes garbage
    x = obj.head;
    used.push_back(h.collector.table().used_blocks());
    ASSERT_EQ(h.collector.table().check(), "");
  }
  const std::vector<std::uint32_t> want_used = {14, 27, 40, 27, 40, 53, 27, 40, 53, 66, 27, 40};
  EXPECT_EQ(used, want_used);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].iteration, 3);
  EXPECT_EQ(seen[0].allocation, 0);
  EXPECT_EQ(seen[1].iteration, 6);
  EXPECT_EQ(seen[1].allocation, 1);  // between the two allocations (39 → 40 → collect)
  EXPECT_EQ(seen[2].iteration, 10);
  EXPECT_EQ(seen[2].allocation, 0);
  for (const Seen& s : seen) EXPECT_EQ(s.record.cause, CollectionCause::threshold);
  EXPECT_EQ(seen[0].record.amount_blocks, 40u);
  EXPECT_EQ(seen[1].record.amount_blocks, 40u);
  EXPECT_EQ(seen[2].record.amount_blocks, 51u);
  // it3: pairs 0 and 1 are garbage (2·13 = 26 blocks); 40 → 14 in use.
  EXPECT_EQ(seen[0].record.used_blocks_before, 40u);
  EXPECT_EQ(seen[0].record.heads_freed, 4u);
  EXPECT_EQ(seen[0].record.blocks_freed, 26u);
  EXPECT_EQ(seen[0].record.used_blocks_after, 14u);
  // it6: pairs 2, 3, 4 are garbage (39 blocks); 53 + the new object = 54 → 15.
  EXPECT_EQ(seen[1].record.used_blocks_before, 54u);
  EXPECT_EQ(seen[1].record.heads_freed, 6u);
  EXPECT_EQ(seen[1].record.blocks_freed, 39u);
  EXPECT_EQ(seen[1].record.used_blocks_after, 15u);
  // it10: pairs 5..8 are garbage (52 blocks); 66 → 14.
  EXPECT_EQ(seen[2].record.used_blocks_before, 66u);
  EXPECT_EQ(seen[2].record.heads_freed, 8u);
  EXPECT_EQ(seen[2].record.blocks_freed, 52u);
  EXPECT_EQ(seen[2].record.used_blocks_after, 14u);
  EXPECT_EQ(h.collector.collections(), 4u);  // the explicit one plus three threshold ones
}

// classify_failure: judged right after the collector gave up.
TEST(CollectorAlloc, FailureWithTooFewFreeBlocksIsCapacity) {
  Heap h(test::kHeap8Blocks);
  for (int i = 0; i < 6; ++i) h.held(32);
  const AllocOutcome out = h.collector.alloc(3 * kB, false);  // 2 free < 3
  ASSERT_TRUE(out.failed());
  EXPECT_EQ(h.collector.classify_failure(out.n_blocks), FailureClass::capacity);
}

TEST(CollectorAlloc, FailureWithEnoughFreeBlocksButNoRunIsFragmentation) {
  Heap h(test::kHeap8Blocks);
  for (int i = 0; i < 8; ++i) h.held(32);
  for (std::uint32_t b : {1u, 3u, 5u, 7u}) {
    h.free(BlockIndex(b));
  }
  ASSERT_EQ(h.map(), "h.h.h.h.");
  const AllocOutcome out = h.collector.alloc(2 * kB, false);  // 4 free, longest run 1
  ASSERT_TRUE(out.failed());
  EXPECT_EQ(h.collector.classify_failure(out.n_blocks), FailureClass::fragmentation);
}

TEST(CollectorAlloc, FailureThatACollectionWouldHaveFixedIsDisabled) {
  Heap h(test::kHeap8Blocks);
  for (int i = 0; i < 8; ++i) h.garbage(32);
  h.collector.trigger().set_enabled(false);
  const AllocOutcome out = h.collector.alloc(3 * kB, false);
  ASSERT_TRUE(out.failed());
  EXPECT_EQ(h.collector.classify_failure(out.n_blocks), FailureClass::disabled);
  // Judging collected a copy: the heap and the program are untouched.
  EXPECT_EQ(h.map(), "hhhhhhhh");
  EXPECT_TRUE(h.mutator.swept_heads.empty());
  EXPECT_EQ(h.collector.collections(), 0u);
  EXPECT_EQ(h.amount(), 8u);
}

TEST(CollectorAlloc, DisabledFailureThatCollectingWouldNotFixIsCapacityOrFragmentation) {
  Heap h(test::kHeap8Blocks);
  for (int i = 0; i < 8; ++i) h.held(32);
  h.collector.trigger().set_enabled(false);
  const AllocOutcome none = h.collector.alloc(32, false);
  ASSERT_TRUE(none.failed());
  EXPECT_EQ(h.collector.classify_failure(none.n_blocks), FailureClass::capacity);
  for (std::uint32_t b : {1u, 3u, 5u, 7u}) {
    h.free(BlockIndex(b));
  }
  const AllocOutcome two = h.collector.alloc(2 * kB, false);
  ASSERT_TRUE(two.failed());
  EXPECT_EQ(h.collector.classify_failure(two.n_blocks), FailureClass::fragmentation);
  const AllocOutcome huge = h.collector.alloc(9 * kB, false);  // more than the whole pool
  ASSERT_TRUE(huge.failed());
  EXPECT_EQ(h.collector.classify_failure(huge.n_blocks), FailureClass::capacity);
}

}  // namespace
}  // namespace gcsim
