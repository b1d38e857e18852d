// The heap scan against the slow way: every candidate pool replayed in full by the driver
// (replay_events, the recorder's failures), one by one. The scan's shortcuts — a replay that
// passes decides the pools down to its high-water mark, replays stop at their first
// MemoryError or once the rest of the trace fits in the largest free run, and the scan stops
// below what the trace reaches at a collection — must give every candidate the verdict and the
// first MemoryError's class of its own full replay.
#include "sweep/heap_scan.h"

#include <gtest/gtest.h>

#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

struct Verdict {
  bool passes = false;
  std::optional<FailureClass> first_failure;
};

Verdict full_replay(const SweepTrace& trace, const TraceEvents& t, const GridValue& threshold,
                    std::uint64_t atb) {
  const std::uint64_t heap = smallest_heap_with_atb(trace.geometry, atb);
  const ReplayResult r =
      replay_events(t.events, t.header, cell_settings(trace, threshold, heap), trace.file);
  Verdict v;
  v.passes = r.summary.failures_total == 0;
  if (!r.failures.empty()) v.first_failure = r.failures.front().failure_class;
  return v;
}

// Scans [bottom, top] and checks every candidate against its full replay; returns the scan.
HeapScan expect_scan_matches_replays(const test::Loaded& in, const GridValue& threshold,
                                     std::uint64_t top, std::uint64_t bottom, unsigned jobs = 2) {
  const SweepTrace& trace = in.spec.traces[0];
  const TraceEvents& t = in.traces[0];
  const HeapScan scan = scan_heaps(trace, t, threshold, {top, bottom, false, jobs, {}});
  SCOPED_TRACE(trace.name + " threshold " + threshold.label());
  EXPECT_FALSE(scan.runs.empty());
  EXPECT_LE(scan.lowest, top);
  if (scan.runs.empty()) return scan;
  std::uint64_t expected_high = top;
  for (const AtbRun& run : scan.runs) {
    EXPECT_EQ(run.high, expected_high) << "runs are contiguous from the top down";
    EXPECT_LE(run.low, run.high);
    FailureClassCounts counted;
    for (std::uint64_t atb = run.low; atb <= run.high; ++atb) {
      const Verdict v = full_replay(trace, t, threshold, atb);
      EXPECT_EQ(v.passes, run.passes) << "ATB " << atb;
      if (v.first_failure) {
        ++(*v.first_failure == FailureClass::capacity        ? counted.capacity
           : *v.first_failure == FailureClass::fragmentation ? counted.fragmentation
                                                             : counted.disabled);
      }
    }
    EXPECT_EQ(counted, run.failures) << "ATB " << run.low << ".." << run.high;
    expected_high = run.low - 1;
  }
  EXPECT_EQ(expected_high + 1, scan.lowest);
  // Below where the scan stopped, no pool passes (what the trace reaches rules them out): the
  // 16 pools just below, and every 64th further down.
  for (std::uint64_t atb = scan.lowest; atb-- > std::max<std::uint64_t>(bottom, 1);) {
    if (scan.lowest - atb > 16 && atb % 64 != 0) continue;
    EXPECT_FALSE(full_replay(trace, t, threshold, atb).passes) << "ATB " << atb;
  }
  return scan;
}

std::uint64_t atb_of(const test::Loaded& in, std::uint64_t heap_bytes) {
  return atb_of_heap(in.spec.traces[0].geometry, heap_bytes);
}

TEST(SweepHeapScan, CandidateHeapsAreTheSmallestOfEachAtbSize) {
  const GeometryParams k210 = find_preset("k210")->params;
  // 131,072 bytes give 1,012 ATB bytes (4,048 blocks), 524,288 give 4,048.
  for (std::uint64_t atb : {1u, 2u, 31u, 1012u, 4048u}) {
    GeometryParams p = k210;
    p.heap_bytes = smallest_heap_with_atb(k210, atb);
    ASSERT_NE(p.heap_bytes, 0u);
    EXPECT_EQ(compute_layout(p)->atb_bytes, atb) << atb;
    EXPECT_EQ(atb_of_heap(k210, p.heap_bytes), atb);
    EXPECT_EQ(atb_of_heap(k210, p.heap_bytes - 1), atb - 1);
  }
  EXPECT_EQ(atb_of_heap(k210, 131072), 1012u);
  EXPECT_EQ(atb_of_heap(k210, 524288), 4048u);
  EXPECT_EQ(smallest_heap_with_atb(k210, std::uint64_t{1} << 40), 0u);  // beyond kMaxHeapBytes
  GeometryParams offset = k210;
  offset.start_offset = 31;
  offset.heap_bytes = smallest_heap_with_atb(offset, 100);
  EXPECT_EQ(compute_layout(offset)->atb_bytes, 100u);
}

TEST(SweepHeapScan, EveryVerdictIsThatOfAFullReplay) {
  // classes.jsonl: an 8,000-byte allocation and 3,968 bytes with gc disabled: a few KiB.
  const test::Loaded in = test::load({test::kClasses}, "off,quarter,64,0,4096", "port");
  for (const GridValue& threshold : in.spec.thresholds) {
    expect_scan_matches_replays(in, threshold, atb_of(in, 32768), 1);
  }
}

TEST(SweepHeapScan, FragmentationTraceOnEveryPoolUpTo192K) {
  // 4,489 events filling ~90% of 512 KiB with small and medium objects, then camera-frame
  // requests (153,600 bytes: no pool below 4,800 blocks is tried).
  const test::Loaded in = test::load({test::kFragmentation}, "off,quarter,8K", "port");
  for (const GridValue& threshold : in.spec.thresholds) {
    const HeapScan scan = expect_scan_matches_replays(in, threshold, atb_of(in, 196608), 1);
    EXPECT_GE(scan.lowest, 1200u);
  }
}

Event on_id(Op op, std::uint64_t id, std::uint64_t size = 0) {
  Event e;
  e.op = op;
  e.id = id;
  e.size = size;
  return e;
}

TEST(SweepHeapScan, GarbageWithThresholdsOnEveryPool) {
  // 40 rounds: hold a 600-byte object, leave 4 × 200 bytes of garbage, drop the 600 two
  // rounds later; the heaps that pass depend on the threshold's collections.
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
  for (const GridValue& threshold : in.spec.thresholds) {
    expect_scan_matches_replays(in, threshold, atb_of(in, 65536), 1);
  }
}

TEST(SweepHeapScan, JpegClassifyAroundItsFragmentationIsland) {
  // traces/jpeg-classify.jsonl at threshold off: 596,992 and 604,800 bytes fail with
  // fragmentation MemoryErrors (from 592,992 to 611,391) while 588,800 and 612,992 pass.
  const test::Loaded in =
      test::load({test::data_path("../traces/jpeg-classify.jsonl")}, "off", "port");
  const HeapScan scan = expect_scan_matches_replays(in, in.spec.thresholds[0], atb_of(in, 614400),
                                                    atb_of(in, 587776));
  std::vector<std::pair<std::uint64_t, bool>> want = {
      {588800, true}, {596992, false}, {604800, false}, {612992, true}};
  for (const auto& [heap, passes] : want) {
    const std::uint64_t atb = atb_of(in, heap);
    for (const AtbRun& run : scan.runs) {
      if (run.low <= atb && atb <= run.high) {
        EXPECT_EQ(run.passes, passes) << heap;
      }
    }
  }
}

TEST(SweepHeapScan, SameScanForAnyThreadCount) {
  const test::Loaded in =
      test::load({test::data_path("../traces/jpeg-classify.jsonl")}, "off,quarter,4K", "port");
  for (const GridValue& threshold : in.spec.thresholds) {
    // Across the fragmentation island's upper edge (611,392 bytes).
    const ScanRequest request{atb_of(in, 622592), atb_of(in, 602112), false, 1, {}};
    ScanRequest three_threads = request;
    three_threads.jobs = 3;
    const HeapScan one = scan_heaps(in.spec.traces[0], in.traces[0], threshold, request);
    const HeapScan three = scan_heaps(in.spec.traces[0], in.traces[0], threshold, three_threads);
    // 4K: one replay decides every pool; off and quarter: waves of replays.
    EXPECT_GT(one.replays, threshold.kind == GridKind::bytes ? 0u : kScanWave);
    EXPECT_EQ(one.replays, three.replays);
    EXPECT_EQ(one.lowest, three.lowest);
    ASSERT_EQ(one.runs.size(), three.runs.size());
    for (std::size_t i = 0; i < one.runs.size(); ++i) {
      EXPECT_EQ(one.runs[i].low, three.runs[i].low);
      EXPECT_EQ(one.runs[i].passes, three.runs[i].passes);
      EXPECT_EQ(one.runs[i].failures, three.runs[i].failures);
    }
  }
}

TEST(SweepHeapScan, StopsAtTheFirstFailureWhenAsked) {
  const test::Loaded in = test::load({test::kFragmentation}, "off", "port");
  const std::uint64_t top = atb_of(in, 655360);
  const HeapScan scan =
      scan_heaps(in.spec.traces[0], in.traces[0], in.spec.thresholds[0], {top, 1, true, 2, {}});
  EXPECT_TRUE(scan.stopped_at_failure);
  ASSERT_FALSE(scan.runs.empty());
  EXPECT_FALSE(scan.runs.back().passes);
  EXPECT_EQ(scan.runs.back().low, scan.runs.back().high);  // the one failing candidate
  EXPECT_EQ(scan.lowest, scan.runs.back().low);
  for (std::size_t i = 0; i + 1 < scan.runs.size(); ++i) EXPECT_TRUE(scan.runs[i].passes);
  EXPECT_FALSE(
      full_replay(in.spec.traces[0], in.traces[0], in.spec.thresholds[0], scan.lowest).passes);
}

}  // namespace
}  // namespace gcsim::sweep
