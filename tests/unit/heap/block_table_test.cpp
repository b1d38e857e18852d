// BlockTable: does the 2-bit ATB change exactly the blocks py/gc.c changes (docs/collector.md
// §2, §4, §5, §6 sweep), and do its running summaries always agree with a recount (check())?
// Layouts are compared as drawings: '.' FREE, 'h' HEAD, '=' TAIL, 'm' MARK.
#include "heap/block_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "table_render.h"

namespace gcsim {
namespace {

using test::render;

TEST(BlockTable, NewTableIsAllFree) {
  const BlockTable table(6);
  EXPECT_EQ(table.size(), 6u);
  EXPECT_EQ(render(table), "......");
  EXPECT_EQ(table.free_blocks(), 6u);
  EXPECT_EQ(table.used_blocks(), 0u);
  EXPECT_EQ(table.largest_free_run(), 6u);
  EXPECT_EQ(table.free_run_count(), 1u);
  EXPECT_EQ(table.allocation_count(), 0u);
  EXPECT_EQ(table.longest_allocation(), 0u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, AllocateMarksHeadThenTails) {
  BlockTable table(6);
  table.allocate(BlockIndex(0), 3);
  EXPECT_EQ(render(table), "h==...");
  table.allocate(BlockIndex(4), 1);
  EXPECT_EQ(render(table), "h==.h.");
  EXPECT_EQ(table.used_blocks(), 4u);
  EXPECT_EQ(table.free_blocks(), 2u);
  EXPECT_EQ(table.free_run_count(), 2u);
  EXPECT_EQ(table.largest_free_run(), 1u);
  EXPECT_EQ(table.allocation_count(), 2u);
  EXPECT_EQ(table.allocations_of_length(3), 1u);
  EXPECT_EQ(table.allocations_of_length(1), 1u);
  EXPECT_EQ(table.allocations_of_length(2), 0u);
  EXPECT_EQ(table.longest_allocation(), 3u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, AllocationsMeetingAtAPlaneWordBoundaryKeepTheirNeighbours) {
  // The states are bit planes, 64 blocks a word: allocations that end at block 63 and start at
  // 64, or span the boundary, must not disturb one another's bits.
  BlockTable table(192);
  table.allocate(BlockIndex(60), 4);   // 60..63: ends on word 0's last bit
  table.allocate(BlockIndex(64), 1);   // word 1's first bit
  table.allocate(BlockIndex(65), 70);  // 65..134: across word 1 into word 2
  table.allocate(BlockIndex(135), 1);
  EXPECT_EQ(table.kind(BlockIndex(63)), BlockKind::tail);
  EXPECT_EQ(table.kind(BlockIndex(64)), BlockKind::head);
  EXPECT_EQ(table.chain_length(BlockIndex(60)), 4u);
  EXPECT_EQ(table.chain_length(BlockIndex(64)), 1u);
  EXPECT_EQ(table.chain_length(BlockIndex(65)), 70u);
  EXPECT_EQ(table.chain_length(BlockIndex(135)), 1u);
  EXPECT_EQ(table.check(), "");
  EXPECT_EQ(table.release(BlockIndex(64)), 1u);
  EXPECT_EQ(table.kind(BlockIndex(63)), BlockKind::tail);
  EXPECT_EQ(table.kind(BlockIndex(64)), BlockKind::free);
  EXPECT_EQ(table.kind(BlockIndex(65)), BlockKind::head);
  EXPECT_EQ(table.chain_length(BlockIndex(60)), 4u);
  EXPECT_EQ(table.release(BlockIndex(65)), 70u);
  EXPECT_EQ(table.largest_free_run(), 71u);  // 64..134
  EXPECT_EQ(table.first_fit(71), BlockIndex(64));
  EXPECT_EQ(table.chain_length(BlockIndex(135)), 1u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ReleaseFreesHeadAndItsTailsOnly) {
  BlockTable table(8);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 3);
  table.allocate(BlockIndex(5), 1);
  ASSERT_EQ(render(table), "h=h==h..");
  EXPECT_EQ(table.release(BlockIndex(2)), 3u);
  EXPECT_EQ(render(table), "h=...h..");
  EXPECT_EQ(table.free_run_count(), 2u);
  EXPECT_EQ(table.largest_free_run(), 3u);
  EXPECT_EQ(table.check(), "");
  EXPECT_EQ(table.release(BlockIndex(0)), 2u);
  EXPECT_EQ(render(table), ".....h..");
  EXPECT_EQ(table.largest_free_run(), 5u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ReleaseAtThePoolEndStopsAtTheLastBlock) {
  // v1.11 reads past the ATB here (docs/collector.md §2 heap-end hazard); the simulator stops at N.
  BlockTable table(4);
  table.allocate(BlockIndex(0), 1);
  table.allocate(BlockIndex(1), 3);
  EXPECT_EQ(table.chain_length(BlockIndex(1)), 3u);
  EXPECT_EQ(table.release(BlockIndex(1)), 3u);
  EXPECT_EQ(render(table), "h...");
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ResizeShrinkFreesTheCutOffTail) {
  BlockTable table(8);
  table.allocate(BlockIndex(1), 5);
  ASSERT_EQ(render(table), ".h====..");
  table.resize(BlockIndex(1), 5, 2);
  EXPECT_EQ(render(table), ".h=.....");
  EXPECT_EQ(table.allocations_of_length(5), 0u);
  EXPECT_EQ(table.allocations_of_length(2), 1u);
  EXPECT_EQ(table.free_run_count(), 2u);
  EXPECT_EQ(table.largest_free_run(), 5u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ResizeGrowTakesTheFollowingFreeBlocks) {
  BlockTable table(8);
  table.allocate(BlockIndex(0), 1);
  table.allocate(BlockIndex(5), 1);
  ASSERT_EQ(render(table), "h....h..");
  table.resize(BlockIndex(0), 1, 4);
  EXPECT_EQ(render(table), "h===.h..");
  EXPECT_EQ(table.allocations_of_length(1), 1u);
  EXPECT_EQ(table.allocations_of_length(4), 1u);
  EXPECT_EQ(table.longest_allocation(), 4u);
  EXPECT_EQ(table.check(), "");
  table.resize(BlockIndex(0), 4, 5);
  EXPECT_EQ(render(table), "h====h..");
  EXPECT_EQ(table.free_run_count(), 1u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ResizeToTheSameLengthChangesNothing) {
  BlockTable table(4);
  table.allocate(BlockIndex(0), 2);
  table.resize(BlockIndex(0), 2, 2);
  EXPECT_EQ(render(table), "h=..");
  EXPECT_EQ(table.allocations_of_length(2), 1u);
  EXPECT_EQ(table.allocation_count(), 1u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, ChainLengthIsHeadPlusFollowingTails) {
  BlockTable table(10);
  table.allocate(BlockIndex(0), 1);
  table.allocate(BlockIndex(1), 4);
  table.allocate(BlockIndex(5), 2);
  ASSERT_EQ(render(table), "hh===h=...");
  EXPECT_EQ(table.chain_length(BlockIndex(0)), 1u);
  EXPECT_EQ(table.chain_length(BlockIndex(1)), 4u);
  EXPECT_EQ(table.chain_length(BlockIndex(5)), 2u);
  ASSERT_TRUE(table.mark(BlockIndex(1)));
  EXPECT_EQ(table.chain_length(BlockIndex(1)), 4u);  // a MARK head keeps its tails
}

TEST(BlockTable, FreeRunFromCountsUpToLimitAndPoolEnd) {
  BlockTable table(10);
  table.allocate(BlockIndex(2), 1);
  table.allocate(BlockIndex(6), 1);
  ASSERT_EQ(render(table), "..h...h...");
  EXPECT_EQ(table.free_run_from(BlockIndex(0), 10), 2u);
  EXPECT_EQ(table.free_run_from(BlockIndex(0), 1), 1u);   // limit
  EXPECT_EQ(table.free_run_from(BlockIndex(2), 10), 0u);  // a HEAD
  EXPECT_EQ(table.free_run_from(BlockIndex(3), 10), 3u);
  EXPECT_EQ(table.free_run_from(BlockIndex(3), 2), 2u);
  EXPECT_EQ(table.free_run_from(BlockIndex(7), 10), 3u);  // pool end
  EXPECT_EQ(table.free_run_from(BlockIndex(10), 5), 0u);  // past the end
  EXPECT_EQ(table.free_run_from(BlockIndex(3), 0), 0u);
}

TEST(BlockTable, FirstFitIsLowestAddressRun) {
  BlockTable table(12);
  table.allocate(BlockIndex(0), 1);
  table.allocate(BlockIndex(2), 1);
  table.allocate(BlockIndex(5), 2);
  ASSERT_EQ(render(table), "h.h..h=.....");
  EXPECT_EQ(table.first_fit(1), BlockIndex(1));
  EXPECT_EQ(table.first_fit(2), BlockIndex(3));
  EXPECT_EQ(table.first_fit(3), BlockIndex(7));
  EXPECT_EQ(table.first_fit(5), BlockIndex(7));
  EXPECT_EQ(table.first_fit(6), kNoBlock);
}

TEST(BlockTable, MarkOnlyTurnsUnmarkedHeadsIntoMarks) {
  BlockTable table(6);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(3), 1);
  EXPECT_TRUE(table.mark(BlockIndex(0)));
  EXPECT_FALSE(table.mark(BlockIndex(0)));  // already MARK
  EXPECT_FALSE(table.mark(BlockIndex(1)));  // TAIL: interior pointers do not count (§6)
  EXPECT_FALSE(table.mark(BlockIndex(2)));  // FREE
  EXPECT_FALSE(table.mark(BlockIndex(6)));  // past the pool
  EXPECT_FALSE(table.mark(BlockIndex(99)));
  EXPECT_EQ(render(table), "m=.h..");
  EXPECT_EQ(table.check(true), "");
  EXPECT_NE(table.check(), "");  // a MARK outside a collection is reported
}

TEST(BlockTable, SweepFreesUnmarkedAndUnmarksMarked) {
  BlockTable table(16);
  table.allocate(BlockIndex(0), 2);   // garbage
  table.allocate(BlockIndex(2), 3);   // live
  table.allocate(BlockIndex(5), 1);   // garbage
  table.allocate(BlockIndex(6), 4);   // garbage
  table.allocate(BlockIndex(10), 1);  // live
  table.allocate(BlockIndex(12), 3);  // garbage, pool end after one free block
  ASSERT_EQ(render(table), "h=h==hh===h.h==.");
  ASSERT_TRUE(table.mark(BlockIndex(2)));
  ASSERT_TRUE(table.mark(BlockIndex(10)));
  ASSERT_EQ(render(table), "h=m==hh===m.h==.");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> freed;
  table.sweep([&](BlockIndex head, std::uint32_t n) { freed.emplace_back(head.value, n); });
  EXPECT_EQ(render(table), "..h==.....h.....");
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> want = {
      {0, 2}, {5, 1}, {6, 4}, {12, 3}};
  EXPECT_EQ(freed, want);  // address order, with each allocation's length
  EXPECT_EQ(table.allocation_count(), 2u);
  EXPECT_EQ(table.allocations_of_length(3), 1u);
  EXPECT_EQ(table.allocations_of_length(1), 1u);
  EXPECT_EQ(table.free_run_count(), 3u);
  EXPECT_EQ(table.largest_free_run(), 5u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, SweepWithEverythingMarkedFreesNothing) {
  BlockTable table(5);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 3);
  table.mark(BlockIndex(0));
  table.mark(BlockIndex(2));
  int calls = 0;
  table.sweep([&](BlockIndex, std::uint32_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(render(table), "h=h==");
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, SweepWithNothingMarkedFreesEverything) {
  // gc_sweep_all: every allocation is garbage.
  BlockTable table(7);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 1);
  table.allocate(BlockIndex(4), 3);
  int calls = 0;
  table.sweep([&](BlockIndex, std::uint32_t) { ++calls; });
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(render(table), ".......");
  EXPECT_EQ(table.free_run_count(), 1u);
  EXPECT_EQ(table.allocation_count(), 0u);
  EXPECT_EQ(table.check(), "");
}

TEST(BlockTable, MarkPlaneMarksOnlyTheHeadsItNames) {
  BlockTable table(130);
  table.allocate(BlockIndex(0), 2);
  table.allocate(BlockIndex(2), 1);
  table.allocate(BlockIndex(70), 3);
  table.allocate(BlockIndex(127), 3);  // the last allocation ends at the pool's end
  BitPlane roots(130);
  roots.set(0);
  roots.set(1);  // a TAIL: ignored
  roots.set(5);  // FREE: ignored
  roots.set(127);
  table.mark_plane(roots);
  EXPECT_EQ(render(table).substr(0, 4), "m=h.");
  EXPECT_EQ(table.kind(BlockIndex(70)), BlockKind::head);
  EXPECT_EQ(table.kind(BlockIndex(127)), BlockKind::mark);
  BitPlane filter(130);
  filter.set(0);
  filter.set(2);  // a HEAD, not marked: not visited
  filter.set(127);
  std::vector<std::uint32_t> visited;
  table.for_each_marked_in(filter, [&](BlockIndex head) { visited.push_back(head.value); });
  EXPECT_EQ(visited, (std::vector<std::uint32_t>{0, 127}));
  EXPECT_EQ(table.check(true), "");
}

// The sweep's loops stop at the highest word that can hold an allocation; check() verifies
// that bound after every sweep here, while allocations come and go at the top of the pool.
TEST(BlockTable, SweepKeepsTheUsedTopBound) {
  BlockTable table(1000);
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    const std::uint32_t n = 1 + rng() % 40;
    if (const BlockIndex at = table.first_fit(n); at != kNoBlock) table.allocate(at, n);
    if (round % 7 == 6) {
      for (std::uint32_t b = 0; b < table.size(); ++b) {
        if (table.kind(BlockIndex(b)) == BlockKind::head && rng() % 3 == 0)
          table.mark(BlockIndex(b));
      }
      table.sweep([](BlockIndex, std::uint32_t) {});
      ASSERT_EQ(table.check(), "") << "round " << round;
    }
  }
}

// The slow reference for the randomised test: one char per block.
struct NaiveTable {
  std::string blocks;
  explicit NaiveTable(std::uint32_t n) : blocks(n, '.') {}
  std::uint32_t chain(std::uint32_t head) const {
    std::uint32_t b = head + 1;
    while (b < blocks.size() && blocks[b] == '=') ++b;
    return b - head;
  }
  std::vector<std::uint32_t> heads() const {
    std::vector<std::uint32_t> h;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
      if (blocks[b] == 'h') h.push_back(b);
    }
    return h;
  }
};

TEST(BlockTable, RandomisedOperationsKeepSummariesConsistent) {
  std::mt19937 rng(7);
  for (std::uint32_t n : {5u, 97u, 256u}) {
    BlockTable table(n);
    NaiveTable model(n);
    for (int op = 0; op < 4000; ++op) {
      const unsigned what = rng() % 10;
      const std::vector<std::uint32_t> heads = model.heads();
      if (what < 4) {  // allocate at first fit
        const std::uint32_t len = 1 + rng() % (rng() % 4 == 0 ? 16 : 3);
        const BlockIndex at = table.first_fit(len);
        BlockIndex want = kNoBlock;
        for (std::uint32_t b = 0, run = 0; b < n && want == kNoBlock; ++b) {
          run = model.blocks[b] == '.' ? run + 1 : 0;
          if (run >= len) want = BlockIndex(b + 1 - len);
        }
        ASSERT_EQ(at, want) << "op " << op;
        if (at != kNoBlock) {
          table.allocate(at, len);
          model.blocks[at.value] = 'h';
          for (std::uint32_t b = at.value + 1; b < at.value + len; ++b) model.blocks[b] = '=';
        }
      } else if (what < 6 && !heads.empty()) {  // release
        const std::uint32_t head = heads[rng() % heads.size()];
        const std::uint32_t len = model.chain(head);
        ASSERT_EQ(table.release(BlockIndex(head)), len);
        for (std::uint32_t b = head; b < head + len; ++b) model.blocks[b] = '.';
      } else if (what < 8 && !heads.empty()) {  // resize: shrink, or grow into free blocks
        const std::uint32_t head = heads[rng() % heads.size()];
        const std::uint32_t len = model.chain(head);
        const std::uint32_t room = table.free_run_from(BlockIndex(head + len), n);
        const std::uint32_t new_len = 1 + rng() % (len + room);
        table.resize(BlockIndex(head), len, new_len);
        for (std::uint32_t b = head + 1; b < head + len + room; ++b) {
          model.blocks[b] = b < head + new_len ? '=' : (b < head + len ? '.' : model.blocks[b]);
        }
      } else if (what == 8 && !heads.empty()) {  // mark a random subset, then sweep
        for (std::uint32_t h : heads) {
          if (rng() % 2 == 0) {
            ASSERT_TRUE(table.mark(BlockIndex(h)));
            model.blocks[h] = 'm';
          }
        }
        ASSERT_EQ(table.check(true), "") << "op " << op;
        ASSERT_EQ(render(table), model.blocks) << "op " << op;
        table.sweep([](BlockIndex, std::uint32_t) {});
        std::string swept = model.blocks;
        bool free_tail = false;
        for (char& c : swept) {
          if (c == 'h') {
            c = '.';
            free_tail = true;
          } else if (c == '=' && free_tail) {
            c = '.';
          } else if (c == 'm') {
            c = 'h';
            free_tail = false;
          }
        }
        model.blocks = swept;
      }
      ASSERT_EQ(table.check(), "") << "n " << n << " op " << op;
      ASSERT_EQ(render(table), model.blocks) << "n " << n << " op " << op;
      std::uint32_t longest = 0, ones = 0;
      for (std::uint32_t h : model.heads()) {
        longest = std::max(longest, model.chain(h));
        if (model.chain(h) == 1) ++ones;
      }
      ASSERT_EQ(table.longest_allocation(), longest);
      ASSERT_EQ(table.allocations_of_length(1), ones);
      ASSERT_EQ(table.allocation_count(), model.heads().size());
    }
  }
}

}  // namespace
}  // namespace gcsim
