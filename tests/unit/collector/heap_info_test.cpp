// heap_info: does the O(1) summary read from the BlockTable equal gc_info's block-by-block scan
// (docs/collector.md §7) after every operation, and are both what gc_info would print for a
// hand-drawn layout (used/free in bytes, max_block and max_free in blocks)?
#include "collector/heap_info.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "../heap/table_render.h"
#include "collector/collector.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::Heap;
using test::kB;
using test::render;

void expect_info(const BlockTable& table, const HeapInfo& want) {
  EXPECT_EQ(heap_info(table, kB), want) << render(table);
  EXPECT_EQ(scan_heap_info(table, kB), want) << render(table);
}

TEST(HeapInfo, HandDrawnLayout) {
  //  0123456789012345
  //  hh=.h==..h.h===.
  // allocations: 1 @0, 2 @1, 3 @4, 1 @9, 4 @11 → num_1block 2, num_2block 1, max_block 4;
  // free runs: @3 (1), @7..8 (2), @10 (1), @15 (1) → 4 runs, max_free 2;
  // used 11 blocks = 352 bytes, free 5 blocks = 160 bytes, total 16·32 = 512.
  BlockTable table(16);
  table.allocate(BlockIndex(0), 1);
  table.allocate(BlockIndex(1), 2);
  table.allocate(BlockIndex(4), 3);
  table.allocate(BlockIndex(9), 1);
  table.allocate(BlockIndex(11), 4);
  ASSERT_EQ(render(table), "hh=.h==..h.h===.");
  HeapInfo want;
  want.total = 512;
  want.used = 352;
  want.free = 160;
  want.max_free = 2;
  want.free_runs = 4;
  want.num_1block = 2;
  want.num_2block = 1;
  want.max_block = 4;
  expect_info(table, want);
}

TEST(HeapInfo, FreeRunsAtBothEnds) {
  //  ...h=hh.....  → 1-blocks 2, 2-blocks 1, max_block 2; free runs 3 and 5 → max_free 5;
  // used 4·32 = 128, free 8·32 = 256, total 384.
  BlockTable table(12);
  table.allocate(BlockIndex(3), 2);
  table.allocate(BlockIndex(5), 1);
  table.allocate(BlockIndex(6), 1);
  ASSERT_EQ(render(table), "...h=hh.....");
  HeapInfo want;
  want.total = 384;
  want.used = 128;
  want.free = 256;
  want.max_free = 5;
  want.free_runs = 2;
  want.num_1block = 2;
  want.num_2block = 1;
  want.max_block = 2;
  expect_info(table, want);
}

TEST(HeapInfo, EmptyHeapIsOneFreeRunOfAllBlocks) {
  const BlockTable table(8);
  HeapInfo want;
  want.total = 256;
  want.free = 256;
  want.max_free = 8;
  want.free_runs = 1;
  expect_info(table, want);
}

TEST(HeapInfo, FullHeapHasNoFreeRun) {
  //  h=hh → 1-blocks 2, 2-blocks 1, max_block 2; nothing free.
  BlockTable table(4);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 1);
  table.allocate(BlockIndex(3), 1);
  HeapInfo want;
  want.total = 128;
  want.used = 128;
  want.num_1block = 2;
  want.num_2block = 1;
  want.max_block = 2;
  expect_info(table, want);
}

TEST(HeapInfo, K210EmptyHeapMemFreeIsThePool) {
  // §1.2: gc.mem_free() of an empty heap is P = 518144 on the K210 default.
  const Heap h(524288);
  const HeapInfo info = heap_info(h.collector.table(), kB);
  EXPECT_EQ(info.total, 518144u);
  EXPECT_EQ(info.free, 518144u);
  EXPECT_EQ(info.used, 0u);
  EXPECT_EQ(info.max_free, 16192u);
  EXPECT_EQ(info, scan_heap_info(h.collector.table(), kB));
}

TEST(HeapInfo, SummaryEqualsScanAfterEveryRandomOperation) {
  std::mt19937 rng(99);
  for (std::uint64_t heap_bytes : {test::kHeap64Blocks, std::uint64_t{20000}}) {
    Heap h(heap_bytes);
    const std::uint32_t n = h.collector.table().size();
    for (int op = 0; op < 3000; ++op) {
      const unsigned what = rng() % 12;
      std::vector<std::uint32_t>& roots = h.mutator.root_heads;
      if (what < 4) {  // allocate: usually held, sometimes garbage, sometimes linked
        const std::uint64_t n_bytes = rng() % 2 == 0 ? 1 + rng() % 64 : rng() % (8 * kB);
        const AllocOutcome out = h.collector.alloc(n_bytes, rng() % 4 == 0);
        if (out.head != kNoBlock) {
          if (rng() % 3 != 0) h.mutator.hold(out.head);
          if (!roots.empty() && rng() % 3 == 0) {
            h.mutator.link(BlockIndex(roots[rng() % roots.size()]), out.head);
          }
        }
      } else if (what < 6 && !roots.empty()) {  // explicit free of a held object
        const BlockIndex head(roots[rng() % roots.size()]);
        h.mutator.drop(head);
        if (std::find(roots.begin(), roots.end(), head.value) == roots.end()) h.free(head);
      } else if (what < 8 && !roots.empty()) {  // realloc a held object
        const BlockIndex head(roots[rng() % roots.size()]);
        const std::uint64_t n_bytes = rng() % 10 == 0 ? 0 : rng() % (6 * kB);
        const ReallocOutcome out = h.collector.realloc(head, n_bytes, rng() % 4 != 0);
        if (out.kind == ReallocKind::moved) h.mutator.moved(head, out.head);
        if (out.kind == ReallocKind::freed) {
          while (std::find(roots.begin(), roots.end(), head.value) != roots.end()) {
            h.mutator.drop(head);
          }
          h.mutator.forget(head);
        }
      } else if (what == 8 && !roots.empty()) {  // drop a root: garbage for the next collection
        h.mutator.drop(BlockIndex(roots[rng() % roots.size()]));
      } else if (what == 9) {
        h.collector.collect(CollectionCause::explicit_);
      } else if (what == 10) {
        h.collector.trigger().set_threshold(
            rng() % 3 == 0 ? -1 : static_cast<std::int64_t>(rng() % (n * kB / 2)));
      } else {
        h.collector.trigger().set_enabled(rng() % 4 != 0);
      }
      ASSERT_EQ(h.collector.table().check(), "") << "op " << op;
      const HeapInfo fast = heap_info(h.collector.table(), kB);
      const HeapInfo slow = scan_heap_info(h.collector.table(), kB);
      ASSERT_EQ(fast, slow) << "op " << op << " " << render(h.collector.table());
      ASSERT_EQ(fast.used + fast.free, fast.total);
    }
  }
}

}  // namespace
}  // namespace gcsim
