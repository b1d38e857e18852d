// The minimum heap that holds: every heap from it up to the bound replays with no MemoryError
// (each candidate replayed in full here), the one below it fails, and the islands between the
// smallest passing heap and it are the runs of the scan, each checked the same way.
#include "sweep/min_heap.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using test::passes;

// Every heap size in [from, to] (ATB sizes: one pool each) has the verdict `want`; with a
// stride, the two at each end and every stride-th between (heap_scan_test.cpp checks every one
// on smaller ranges).
void expect_range(const test::Loaded& in, const GridValue& threshold, std::uint64_t from,
                  std::uint64_t to, bool want, std::uint64_t stride) {
  const GeometryParams& g = in.spec.traces[0].geometry;
  const std::uint64_t low = atb_of_heap(g, from), high = atb_of_heap(g, to);
  for (std::uint64_t atb = low; atb <= high; ++atb) {
    if (atb > low + 1 && atb + 1 < high && atb % stride != 0) continue;
    EXPECT_EQ(passes(in, threshold, smallest_heap_with_atb(g, atb)), want)
        << "heap " << smallest_heap_with_atb(g, atb) << " in " << from << ".." << to;
  }
}

void expect_holds(const test::Loaded& in, const GridValue& threshold, std::uint64_t bound,
                  std::uint64_t stride = 1) {
  SCOPED_TRACE(in.spec.traces[0].name + " threshold " + threshold.label());
  const GeometryParams& g = in.spec.traces[0].geometry;
  const MinHeapResult m = find_min_heap(in.spec.traces[0], in.traces[0], threshold, bound, 2);
  EXPECT_EQ(m.searched_to_bytes, bound);
  ASSERT_TRUE(m.heap_bytes);
  expect_range(in, threshold, *m.heap_bytes, bound, true, stride);
  EXPECT_EQ(atb_of_heap(g, *m.heap_bytes - 1) + 1, atb_of_heap(g, *m.heap_bytes));
  EXPECT_FALSE(passes(in, threshold, *m.heap_bytes - 1));
  GeometryParams p = g;
  p.heap_bytes = *m.heap_bytes;
  EXPECT_EQ(m.pool_blocks, compute_layout(p)->pool_blocks);
  ASSERT_TRUE(m.smallest_passing_bytes);
  EXPECT_LE(*m.smallest_passing_bytes, *m.heap_bytes);
  EXPECT_LE(m.searched_from_bytes, *m.smallest_passing_bytes);
  if (m.searched_from_bytes > smallest_heap_with_atb(g, 1)) {
    EXPECT_FALSE(passes(in, threshold, m.searched_from_bytes - 1));
  }
  if (m.islands.empty()) {
    EXPECT_EQ(*m.smallest_passing_bytes, *m.heap_bytes);
    return;
  }
  // Islands: alternating runs from the smallest passing heap up to the minimum that holds.
  EXPECT_EQ(m.islands.front().from_bytes, *m.smallest_passing_bytes);
  EXPECT_TRUE(m.islands.front().passes);
  EXPECT_EQ(m.islands.back().to_bytes + 1, *m.heap_bytes);
  EXPECT_FALSE(m.islands.back().passes);
  for (std::size_t i = 0; i < m.islands.size(); ++i) {
    const HeapRun& r = m.islands[i];
    if (i > 0) {
      EXPECT_EQ(m.islands[i - 1].to_bytes + 1, r.from_bytes);
      EXPECT_NE(m.islands[i - 1].passes, r.passes);
    }
    expect_range(in, threshold, r.from_bytes, r.to_bytes, r.passes, stride);
    const std::uint32_t failed =
        r.failures.capacity + r.failures.fragmentation + r.failures.disabled;
    EXPECT_EQ(failed == 0, r.passes);
  }
}

TEST(SweepMinHeap, HoldsFromTheFirstHeapWithNoFailureAbove) {
  const test::Loaded in = test::load({test::kClasses}, "off,quarter,64,0", "port");
  for (const GridValue& threshold : in.spec.thresholds) expect_holds(in, threshold, 32768);
}

TEST(SweepMinHeap, JpegClassifyHasIslands) {
  // traces/jpeg-classify.jsonl at threshold off passes from 441,600 bytes, but from 592,992 to
  // 611,391 it fails with fragmentation MemoryErrors: it holds only from 611,392.
  const test::Loaded in =
      test::load({test::data_path("../traces/jpeg-classify.jsonl")}, "off", "port");
  const std::uint64_t bound = 655360;
  expect_holds(in, in.spec.thresholds[0], bound, 16);
  const MinHeapResult m =
      find_min_heap(in.spec.traces[0], in.traces[0], in.spec.thresholds[0], bound, 2);
  ASSERT_TRUE(m.heap_bytes);
  EXPECT_EQ(*m.heap_bytes, 611392u);
  EXPECT_EQ(m.smallest_passing_bytes, 441600u);
  bool fragmentation = false;
  for (const HeapRun& r : m.islands) {
    if (r.from_bytes <= 604800 && 604800 <= r.to_bytes) {
      EXPECT_FALSE(r.passes);
      fragmentation = r.failures.fragmentation > 0;
    }
  }
  EXPECT_TRUE(fragmentation);
}

TEST(SweepMinHeap, NoHeapUpToTheBoundFitsATooLargeAllocation) {
  test::Loaded in = test::load({test::kClasses}, "off", "port");
  Event e;
  e.op = Op::alloc;
  e.id = 1;
  e.size = std::uint64_t{3} << 30;  // 3 GiB
  in.traces[0].events = EventArray({e});
  const std::uint64_t bound = 8 << 20;
  const MinHeapResult m =
      find_min_heap(in.spec.traces[0], in.traces[0], in.spec.thresholds[0], bound, 2);
  EXPECT_FALSE(m.heap_bytes);
  EXPECT_FALSE(m.smallest_passing_bytes);
  EXPECT_EQ(m.searched_to_bytes, bound);
  EXPECT_EQ(m.replays, 0u);  // the one allocation is larger than every pool up to the bound
  EXPECT_TRUE(m.islands.empty());
}

TEST(SweepMinHeap, BoundIsTwiceTheDefaultHeapOrTheLargestGridHeap) {
  test::Loaded in = test::load({test::kClasses}, "off", "port,256K");
  EXPECT_EQ(min_heap_bound(in.spec, in.spec.traces[0]), 1048576u);
  in.spec.heap_sizes = parse_grid_list("port,3M", GridAxis::heap_size);
  EXPECT_EQ(min_heap_bound(in.spec, in.spec.traces[0]), 3145728u);
  in.spec.heap_sizes = parse_grid_list("16M", GridAxis::heap_size);  // past 65,536 candidates
  const std::uint64_t capped = min_heap_bound(in.spec, in.spec.traces[0]);
  EXPECT_EQ(atb_of_heap(in.spec.traces[0].geometry, capped), kMaxScanCandidates);
  EXPECT_EQ(atb_of_heap(in.spec.traces[0].geometry, capped + 1), kMaxScanCandidates + 1);
  in.spec.min_heap_to = 65536;
  EXPECT_EQ(min_heap_bound(in.spec, in.spec.traces[0]), 65536u);
  EXPECT_NO_THROW(check_min_heap_bounds(in.spec));
  in.spec.min_heap_to = 16 << 20;
  EXPECT_THROW(check_min_heap_bounds(in.spec), std::invalid_argument);
}

}  // namespace
}  // namespace gcsim::sweep
