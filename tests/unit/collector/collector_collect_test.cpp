// Collector::collect: does a collection free exactly the allocations the roots cannot reach
// (docs/collector.md §6: only pointers to a HEAD count, marking is the transitive closure of the
// roots, the sweep frees in address order), and does its CollectionRecord tell what happened?
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "collector/collector.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::Heap;
using test::kB;

TEST(CollectorCollect, FreesExactlyTheUnreachable) {
  // root → a → b → c; d → e (no root reaches d); f alone.
  Heap h(test::kHeap16Blocks);
  const BlockIndex a = h.held(32);         // 0
  const BlockIndex b = h.garbage(2 * kB);  // 1..2
  const BlockIndex c = h.garbage(32);      // 3
  const BlockIndex d = h.garbage(32);      // 4
  const BlockIndex e = h.garbage(3 * kB);  // 5..7
  const BlockIndex f = h.garbage(32);      // 8
  h.mutator.link(a, b);
  h.mutator.link(b, c);
  h.mutator.link(d, e);
  ASSERT_EQ(h.map(), "hh=hhh==h.......");
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.map(), "hh=h............");
  const std::vector<std::uint32_t> want = {d.value, e.value, f.value};
  EXPECT_EQ(h.mutator.swept_heads, want);  // address order
  EXPECT_EQ(h.collector.table().check(), "");
}

TEST(CollectorCollect, UnreachableCycleIsFreed) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.garbage(32);
  const BlockIndex b = h.garbage(32);
  h.mutator.link(a, b);
  h.mutator.link(b, a);
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.map(), "........");
  EXPECT_EQ(h.mutator.swept_heads.size(), 2u);
}

TEST(CollectorCollect, ReachableCycleIsKept) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  const BlockIndex b = h.garbage(32);
  const BlockIndex c = h.garbage(32);
  h.mutator.link(a, b);
  h.mutator.link(b, c);
  h.mutator.link(c, a);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.map(), "hhh.....");
  EXPECT_EQ(r.heads_marked, 3u);
  EXPECT_EQ(r.heads_freed, 0u);
}

TEST(CollectorCollect, SelfReferenceDoesNotRetain) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.garbage(2 * kB);
  h.mutator.link(a, a);
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.map(), "........");
  // ... and a held self-referencing object is marked once.
  const BlockIndex b = h.held(32);
  h.mutator.link(b, b);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.heads_marked, 1u);
  EXPECT_EQ(h.map(), "h.......");
}

TEST(CollectorCollect, InteriorPointerDoesNotRetain) {
  // §6 VERIFY_PTR: only a pointer to the HEAD counts, not one to a TAIL block.
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.garbage(3 * kB);
  h.mutator.hold(BlockIndex(a.value + 1));  // a root word pointing into a's second block
  const BlockIndex holder = h.held(32);
  h.mutator.link(holder, BlockIndex(a.value + 2));  // and a child pointer into its third
  ASSERT_EQ(h.map(), "h==h....");
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.map(), "...h....");
}

TEST(CollectorCollect, PointersToFreeBlocksAreIgnored) {
  Heap h(test::kHeap8Blocks);
  h.mutator.hold(BlockIndex(5));  // nothing there
  const BlockIndex a = h.held(32);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.heads_marked, 1u);
  EXPECT_EQ(h.map(), "h.......");
  EXPECT_EQ(a.value, 0u);
}

TEST(CollectorCollect, DuplicateRootsAndReferencesMarkOnce) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex a = h.held(32);
  h.mutator.hold(a);
  const BlockIndex b = h.garbage(2 * kB);
  h.mutator.link(a, b);
  h.mutator.link(a, b);
  h.mutator.hold(b);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.heads_marked, 2u);
  EXPECT_EQ(r.blocks_marked, 3u);
  EXPECT_EQ(h.map(), "hh=.....");
}

TEST(CollectorCollect, CollectionRecordFields) {
  // Layout before: 0 held(1), 1..2 garbage(2), 3 held(1) → 4 child(3 blocks, 4..6), 7..9
  // garbage(3), 10 garbage(1); 16 blocks, 5 free.
  Heap h(test::kHeap16Blocks);
  const BlockIndex a = h.held(32);
  h.garbage(2 * kB);
  const BlockIndex b = h.held(32);
  const BlockIndex child = h.garbage(3 * kB);
  h.mutator.link(b, child);
  h.garbage(3 * kB);
  h.garbage(32);
  ASSERT_EQ(h.map(), "hh=hh==h==h.....");
  ASSERT_EQ(h.amount(), 11u);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.cause, CollectionCause::explicit_);
  EXPECT_EQ(r.amount_blocks, 11u);
  EXPECT_EQ(r.used_blocks_before, 11u);
  EXPECT_EQ(r.largest_free_before, 5u);  // 11..15
  EXPECT_EQ(r.heads_marked, 3u);         // a, b, child
  EXPECT_EQ(r.blocks_marked, 5u);        // 1 + 1 + 3
  EXPECT_EQ(r.heads_freed, 3u);          // 1..2, 7..9, 10
  EXPECT_EQ(r.blocks_freed, 6u);         // 2 + 3 + 1
  EXPECT_EQ(r.used_blocks_after, 5u);    // 11 − 6
  EXPECT_EQ(r.largest_free_after, 9u);   // 7..15
  EXPECT_EQ(r.blocks_swept, 16u);        // the sweep visits every pool block
  EXPECT_EQ(h.map(), "h..hh==.........");
  EXPECT_EQ(h.collector.collections(), 1u);
  EXPECT_EQ(h.amount(), 0u);
  EXPECT_EQ(a.value, 0u);
}

TEST(CollectorCollect, BlocksSweptIsThePoolBlockCountOnTheK210Heap) {
  Heap h(524288);
  const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.blocks_swept, 16192u);
  EXPECT_EQ(r.heads_freed, 0u);
  EXPECT_EQ(r.used_blocks_before, 0u);
  EXPECT_EQ(r.largest_free_after, 16192u);
}

TEST(CollectorCollect, SweepClearsTheFinaliserFlagOfFreedHeads) {
  Heap h(test::kHeap8Blocks);
  const BlockIndex dead = h.garbage(32, /*has_finaliser=*/true);
  const BlockIndex live = h.held(32, /*has_finaliser=*/true);
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_FALSE(h.collector.has_finaliser(dead));
  EXPECT_TRUE(h.collector.has_finaliser(live));
}

TEST(CollectorCollect, MarksLeftNoneAfterCollection) {
  Heap h(test::kHeap16Blocks);
  const BlockIndex a = h.held(2 * kB);
  h.mutator.link(a, h.garbage(32));
  h.garbage(32);
  h.collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(h.collector.table().check(), "");  // no MARK left: every survivor is a HEAD again
  EXPECT_EQ(h.map(), "h=h.............");
}

// Block b points to block b + 1 for every b below `length`; block 0 is the only root.
class ChainMutator final : public Mutator {
 public:
  explicit ChainMutator(std::uint32_t length) : length_(length) {}
  void roots(std::vector<BlockIndex>& out) const override { out.push_back(BlockIndex(0)); }
  void references(BlockIndex head, std::vector<BlockIndex>& out) const override {
    if (head.value + 1 < length_) out.push_back(BlockIndex(head.value + 1));
  }
  void swept(BlockIndex head) override { swept_heads.push_back(head.value); }
  std::vector<std::uint32_t> swept_heads;

 private:
  std::uint32_t length_;
};

TEST(CollectorCollect, DeepChainOfAMillionObjectsMarksWithoutStackOverflow) {
  // 10^6 one-block objects need N ≥ 10^6: A ≥ 250000, 8T/1036 ≥ 250000, T ≥ 32375000.
  // 32 MiB = 33554432: 8·33554432 / 1036 = 259107.6 → A 259107, N 1036428.
  constexpr std::uint32_t kChain = 1000000;
  ChainMutator mutator(kChain);
  Collector collector(test::k210_layout(33554432), mutator);
  ASSERT_EQ(collector.table().size(), 1036428u);
  for (std::uint32_t i = 0; i < kChain; ++i) {
    const AllocOutcome out = collector.alloc(32, false);
    ASSERT_NE(out.head, kNoBlock);
    ASSERT_EQ(out.head.value, i);
  }
  const AllocOutcome loose = collector.alloc(4 * kB, false);  // unreachable, after the chain
  ASSERT_NE(loose.head, kNoBlock);
  const CollectionRecord r = collector.collect(CollectionCause::explicit_);
  EXPECT_EQ(r.heads_marked, kChain);
  EXPECT_EQ(r.blocks_marked, kChain);
  EXPECT_EQ(r.heads_freed, 1u);
  EXPECT_EQ(r.blocks_freed, 4u);
  EXPECT_EQ(r.used_blocks_after, kChain);
  ASSERT_EQ(mutator.swept_heads.size(), 1u);
  EXPECT_EQ(mutator.swept_heads[0], loose.head.value);
}

TEST(CollectorCollect, RandomGraphsFreeExactlyWhatNaiveReachabilityMisses) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 40; ++round) {
    Heap h(test::kHeap64Blocks);
    h.collector.trigger().set_enabled(false);  // fill the heap without an OOM collection
    std::vector<BlockIndex> objects;
    for (;;) {
      const AllocOutcome out = h.collector.alloc(32 * (1 + rng() % 3), false);
      if (out.head == kNoBlock) break;
      objects.push_back(out.head);
    }
    for (int e = 0; e < static_cast<int>(objects.size()); ++e) {
      h.mutator.link(objects[rng() % objects.size()], objects[rng() % objects.size()]);
    }
    for (const BlockIndex& o : objects) {
      if (rng() % 5 == 0) h.mutator.hold(o);
    }
    // Naive reachability over the same lists.
    std::set<std::uint32_t> reached;
    std::vector<std::uint32_t> todo(h.mutator.root_heads.begin(), h.mutator.root_heads.end());
    while (!todo.empty()) {
      const std::uint32_t x = todo.back();
      todo.pop_back();
      if (!reached.insert(x).second) continue;
      const auto it = h.mutator.children.find(x);
      if (it != h.mutator.children.end()) {
        for (std::uint32_t c : it->second) todo.push_back(c);
      }
    }
    std::vector<std::uint32_t> want_swept;
    std::uint32_t want_blocks = 0;
    for (const BlockIndex& o : objects) {
      if (!reached.count(o.value)) {
        want_swept.push_back(o.value);
        want_blocks += h.collector.table().chain_length(BlockIndex(o.value));
      }
    }
    const std::uint32_t used_before = h.collector.table().used_blocks();
    const CollectionRecord r = h.collector.collect(CollectionCause::explicit_);
    ASSERT_EQ(h.mutator.swept_heads, want_swept) << "round " << round;
    EXPECT_EQ(r.heads_marked, reached.size());
    EXPECT_EQ(r.blocks_freed, want_blocks);
    EXPECT_EQ(r.used_blocks_after, used_before - want_blocks);
    for (std::uint32_t x : reached) {
      EXPECT_EQ(h.collector.table().kind(BlockIndex(x)), BlockKind::head);
    }
    ASSERT_EQ(h.collector.table().check(), "");
  }
}

}  // namespace
}  // namespace gcsim
