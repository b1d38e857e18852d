// GcModule: does the `gc` facade answer as py/modgc.c does (docs/collector.md §7, §8,
// Appendix A.2, A.4)?
#include "collector/gc_module.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "collector/collector.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::Heap;
using test::kB;

TEST(GcModule, ThresholdReadsBackAsAppendixA2) {
  // −1 by default; 1000 → 1000/32 = 31 blocks → 992; 20 → 0 → 0; −5 → disabled → −1.
  Heap h(test::kHeap16Blocks);
  GcModule gc(h.collector);
  EXPECT_EQ(gc.threshold(), -1);
  gc.threshold(1000);
  EXPECT_EQ(gc.threshold(), 992);
  gc.threshold(20);
  EXPECT_EQ(gc.threshold(), 0);
  gc.threshold(-5);
  EXPECT_EQ(gc.threshold(), -1);
}

TEST(GcModule, EnableDisableIsEnabled) {
  Heap h(test::kHeap16Blocks);
  GcModule gc(h.collector);
  EXPECT_TRUE(gc.isenabled());
  gc.disable();
  EXPECT_FALSE(gc.isenabled());
  EXPECT_FALSE(h.collector.trigger().enabled());
  gc.disable();
  EXPECT_FALSE(gc.isenabled());
  gc.enable();
  EXPECT_TRUE(gc.isenabled());
}

TEST(GcModule, CollectWorksWhileDisabled) {
  Heap h(test::kHeap8Blocks);
  GcModule gc(h.collector);
  h.garbage(3 * kB);
  gc.disable();
  const CollectionRecord r = gc.collect();
  EXPECT_EQ(r.cause, CollectionCause::explicit_);
  EXPECT_EQ(r.blocks_freed, 3u);
  EXPECT_EQ(gc.mem_alloc(), 0u);
  EXPECT_FALSE(gc.isenabled());  // collecting does not re-enable
}

TEST(GcModule, EmptyK210HeapMemFreeIsThePool) {
  Heap h(524288);
  const GcModule gc(h.collector);
  EXPECT_EQ(gc.mem_alloc(), 0u);
  EXPECT_EQ(gc.mem_free(), 518144u);
}

TEST(GcModule, MemAllocPlusMemFreeIsThePoolBytes) {
  Heap h(524288);
  GcModule gc(h.collector);
  h.garbage(32);                     // block 0
  const BlockIndex a = h.held(100);  // blocks 1..4
  EXPECT_EQ(gc.mem_alloc(), 5u * 32);
  EXPECT_EQ(gc.mem_free(), 518144u - 160);
  EXPECT_EQ(gc.mem_alloc() + gc.mem_free(), 518144u);
  ASSERT_EQ(h.collector.realloc(a, 1000, true).kind,  // ⌈1000/32⌉ = 32 blocks: 1..32
            ReallocKind::grown_in_place);
  EXPECT_EQ(gc.mem_alloc(), 33u * 32);
  EXPECT_EQ(gc.mem_alloc() + gc.mem_free(), 518144u);
  gc.collect();  // frees the 1-block garbage
  EXPECT_EQ(gc.mem_alloc(), 32u * 32);
  EXPECT_EQ(gc.mem_alloc() + gc.mem_free(), 518144u);
  h.free(a);
  EXPECT_EQ(gc.mem_alloc(), 0u);
  EXPECT_EQ(gc.mem_free(), 518144u);
}

TEST(GcModule, ThresholdDoesNotResetTheAmountSoTheNextAllocationCollects) {
  // §8: if the amount already exceeds the new threshold, the next allocation collects.
  Heap h(test::kHeap16Blocks);
  GcModule gc(h.collector);
  h.garbage(5 * kB);
  gc.threshold(3 * kB);
  const AllocOutcome out = h.collector.alloc(32, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->cause, CollectionCause::threshold);
  EXPECT_EQ(out.collection->amount_blocks, 5u);
}

TEST(GcModule, AfterEnableTheNextOneBlockAllocationCollects) {
  // Appendix A.4: allocations under gc.disable() do not collect; after gc.enable() the next
  // 1-block allocation collects straight away (the amount kept growing meanwhile).
  Heap h(test::kHeap16Blocks);
  GcModule gc(h.collector);
  gc.threshold(4 * kB);
  gc.disable();
  for (int i = 0; i < 6; ++i) EXPECT_FALSE(h.collector.alloc(32, false).collection);
  EXPECT_EQ(h.collector.collections(), 0u);
  gc.enable();
  const AllocOutcome out = h.collector.alloc(32, false);
  ASSERT_TRUE(out.collection);
  EXPECT_EQ(out.collection->amount_blocks, 6u);
}

}  // namespace
}  // namespace gcsim
