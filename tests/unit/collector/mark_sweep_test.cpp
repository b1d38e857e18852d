// mark_reachable and sweep_unmarked over a bare BlockTable: is the mark the transitive closure
// of the roots, counted in heads and blocks, and does the sweep free the rest and unmark the
// survivors (docs/collector.md §6)?
#include "collector/mark_sweep.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "../heap/table_render.h"
#include "test_heap.h"

namespace gcsim {
namespace {

using test::render;
using test::TestMutator;

TEST(MarkSweep, MarkTurnsReachableHeadsIntoMarksAndCountsTheirBlocks) {
  BlockTable table(10);
  table.allocate(BlockIndex(0), 2);  // root
  table.allocate(BlockIndex(2), 3);  // child of 0
  table.allocate(BlockIndex(5), 1);  // child of 2
  table.allocate(BlockIndex(6), 2);  // unreachable
  TestMutator m;
  m.hold(BlockIndex(0));
  m.link(BlockIndex(0), BlockIndex(2));
  m.link(BlockIndex(2), BlockIndex(5));
  m.link(BlockIndex(6), BlockIndex(0));  // pointing *into* the live set does not help 6
  const MarkResult r = mark_reachable(table, m);
  EXPECT_EQ(r.heads_marked, 3u);
  EXPECT_EQ(r.blocks_marked, 6u);  // 2 + 3 + 1
  EXPECT_EQ(render(table), "m=m==mh=..");
  EXPECT_EQ(table.check(/*marks_allowed=*/true), "");
}

TEST(MarkSweep, SweepFreesUnmarkedAndReportsEachHeadInAddressOrder) {
  BlockTable table(10);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 3);
  table.allocate(BlockIndex(5), 1);
  table.allocate(BlockIndex(6), 2);
  table.mark(BlockIndex(2));
  std::vector<std::uint32_t> freed;
  const SweepResult r =
      sweep_unmarked(table, [&](BlockIndex head) { freed.push_back(head.value); });
  EXPECT_EQ(r.heads_freed, 3u);
  EXPECT_EQ(r.blocks_freed, 5u);  // 2 + 1 + 2
  EXPECT_EQ(freed, (std::vector<std::uint32_t>{0, 5, 6}));
  EXPECT_EQ(render(table), "..h==.....");
  EXPECT_EQ(table.check(), "");
}

TEST(MarkSweep, NoRootsMarksNothing) {
  BlockTable table(4);
  table.allocate(BlockIndex(0), 4);
  const TestMutator m;
  const MarkResult r = mark_reachable(table, m);
  EXPECT_EQ(r.heads_marked, 0u);
  EXPECT_EQ(r.blocks_marked, 0u);
  EXPECT_EQ(render(table), "h===");
}

TEST(MarkSweep, LongChainIsMarkedIteratively) {
  // 200000 one-block objects, each pointing to the next: a recursive mark would need a
  // 200000-deep C++ stack.
  constexpr std::uint32_t kN = 200000;
  BlockTable table(kN);
  TestMutator m;
  for (std::uint32_t b = 0; b < kN; ++b) {
    table.allocate(BlockIndex(b), 1);
    if (b + 1 < kN) m.link(BlockIndex(b), BlockIndex(b + 1));
  }
  m.hold(BlockIndex(0));
  const MarkResult r = mark_reachable(table, m);
  EXPECT_EQ(r.heads_marked, kN);
  EXPECT_EQ(table.kind(BlockIndex(kN - 1)), BlockKind::mark);
}

}  // namespace
}  // namespace gcsim
