// Minimum heap: candidate heaps are the smallest of each ATB size (block steps), and the
// bisection finds the same heap as trying every ATB size from 1 upwards, on small traces and
// for thresholds off, quarter (re-resolved per heap) and a fixed one.
#include "sweep/min_heap.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

TEST(SweepMinHeap, CandidateHeapsAreTheSmallestOfEachAtbSize) {
  const GeometryParams k210 = find_preset("k210")->params;
  // spec/geometry.md: 131,072 bytes give 1,012 ATB bytes (4,048 blocks), 524,288 give 4,048.
  for (std::uint64_t atb : {1u, 2u, 31u, 1012u, 4048u}) {
    GeometryParams p = k210;
    p.heap_bytes = smallest_heap_with_atb(k210, atb);
    ASSERT_NE(p.heap_bytes, 0u);
    EXPECT_EQ(compute_layout(p)->atb_bytes, atb) << atb;
    p.heap_bytes -= 1;
    const auto below = compute_layout(p);
    EXPECT_TRUE(!below || below->atb_bytes < atb) << atb;
  }
  EXPECT_LE(smallest_heap_with_atb(k210, 1012), 131072u);
  EXPECT_EQ(smallest_heap_with_atb(k210, std::uint64_t{1} << 40), 0u);  // beyond kMaxHeapBytes
  GeometryParams offset = k210;
  offset.start_offset = 31;
  offset.heap_bytes = smallest_heap_with_atb(offset, 100);
  EXPECT_EQ(compute_layout(offset)->atb_bytes, 100u);
}

// Tries every ATB size from 1 up: the first heap with no MemoryError.
std::uint64_t linear_min_heap(const SweepTrace& trace, const TraceEvents& t,
                              const GridValue& threshold) {
  for (std::uint64_t atb = 1;; ++atb) {
    const std::uint64_t heap = smallest_heap_with_atb(trace.geometry, atb);
    const ReplayResult r =
        replay_events(t.events, t.header, cell_settings(trace, threshold, heap), trace.file);
    if (r.summary.failures_total == 0) return heap;
  }
}

void expect_bisection_matches_scan(const test::Loaded& in) {
  for (std::size_t t = 0; t < in.traces.size(); ++t) {
    for (const GridValue& threshold : in.spec.thresholds) {
      SCOPED_TRACE(in.spec.traces[t].name + " threshold " + threshold.label());
      const MinHeapResult m =
          find_min_heap(in.spec.traces[t], in.traces[t].header, in.traces[t].events, threshold);
      const std::uint64_t want = linear_min_heap(in.spec.traces[t], in.traces[t], threshold);
      ASSERT_TRUE(m.heap_bytes);
      EXPECT_EQ(*m.heap_bytes, want);
      GeometryParams p = in.spec.traces[t].geometry;
      p.heap_bytes = want;
      EXPECT_EQ(m.pool_blocks, compute_layout(p)->pool_blocks);
      EXPECT_LT(m.replays, 20u);  // bisection, not a scan
    }
  }
}

TEST(SweepMinHeap, BisectionFindsWhatALinearScanFinds) {
  // classes.jsonl: an 8,000-byte allocation and 3,968 bytes with gc disabled: a few KiB.
  expect_bisection_matches_scan(test::load({test::kClasses}, "off,quarter,64,0", "port"));
}

Event on_id(Op op, std::uint64_t id, std::uint64_t size = 0) {
  Event e;
  e.op = op;
  e.id = id;
  e.size = size;
  return e;
}

TEST(SweepMinHeap, BisectionFindsWhatALinearScanFindsWithGarbage) {
  // 40 rounds: hold a 600-byte object, leave 4 × 200 bytes of garbage, drop the 600 two
  // rounds later; the minimum depends on the threshold's collections.
  test::Loaded in = test::load({test::kClasses}, "off,quarter,512,2K", "port");
  std::vector<Event> events;
  std::uint64_t id = 1;
  for (int round = 0; round < 40; ++round) {
    const Event big = on_id(Op::alloc, id++, 600);
    events.push_back(big);
    for (int i = 0; i < 4; ++i) {
      events.push_back(on_id(Op::alloc, id, 200));
      events.push_back(on_id(Op::drop, id++));
    }
    if (round >= 2) events.push_back(on_id(Op::drop, big.id - 10));
  }
  in.traces[0].events = EventArray(events);
  in.traces[0].header.name = "garbage";
  expect_bisection_matches_scan(in);
}

TEST(SweepMinHeap, NoHeapUpToTheLimitFitsATooLargeAllocation) {
  test::Loaded in = test::load({test::kClasses}, "off", "port");
  in.traces[0].events = EventArray({on_id(Op::alloc, 1, std::uint64_t{3} << 30)});  // 3 GiB
  const std::uint64_t limit = 8 << 20;
  const MinHeapResult m = find_min_heap(in.spec.traces[0], in.traces[0].header, in.traces[0].events,
                                        in.spec.thresholds[0], limit);
  EXPECT_FALSE(m.heap_bytes);
  EXPECT_LE(m.searched_to_bytes, limit);
  EXPECT_GT(m.searched_to_bytes, limit / 2);
  EXPECT_EQ(m.replays, 5u);  // 512 KiB (the default), 1, 2, 4 and 8 MiB
}

}  // namespace
}  // namespace gcsim::sweep
