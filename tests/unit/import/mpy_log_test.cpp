// The log importer on hand-written logs: does each line shape give exactly the events of
// docs/collector.md §11 (ids, drops before the collection's event, collect events, failures,
// moves, in-place reallocs, observe marks), are garbled and inconsistent lines reported with
// their line numbers, and does the replay of the result give the log's values?
#include "import/mpy_log.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <zlib.h>

#include "import_files.h"
#include "replay/driver.h"
#include "trace/trace_error.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

using namespace gcsim::test;

// A 64 KiB unix heap (docs/collector.md §1.3: T = 65520, start ≡ 16 mod 32): 2020 blocks from
// 0x10380.
constexpr const char* kLayout =
    "Initializing GC heap: 10010..20000 = 65520 bytes\n"
    "GC layout:\n"
    "  alloc table at 10010, length 505 bytes, 2020 blocks\n"
    "  finaliser table at 10209, length 253 bytes, 2020 blocks\n"
    "  pool at 10380, length 64640 bytes, 2020 blocks\n";

// Every line shape once or more; the comments say what each part must give.
constexpr const char* kEveryShape =
    "gc_alloc(48 bytes -> 2 blocks)\n"  // 6   id 1 at block 0
    "gc_alloc(10380)\n"
    "malloc 48 : 10380\n"
    "load name x\n"                     // 9   runtime.c: ignored
    "gc_alloc(16 bytes -> 1 blocks)\n"  // 10  id 2 at block 2
    "gc_alloc(103c0)\n"
    "malloc 16 : 103c0\n"
    "realloc 103c0, 16, 40 : 103c0\n"   // 13  in place: realloc 2 → 40
    "realloc 10380, 48, 80 : 0\n"       // 14  refused: nothing
    "gc_alloc(96 bytes -> 3 blocks)\n"  // 15  move of id 1 to block 4
    "gc_alloc(10400)\n"
    "gc_realloc(10380 -> 10400)\n"  // 17  realloc 1 → 96
    "gc_free(10380)\n"              // 18  the move's own free: nothing
    "realloc 10380, 48, 96 : 10400\n"
    "gc_free(103c0)\n"  // 20  free 2
    "free 103c0, 40\n"
    "gc_free(0)\n"  // 22  nothing
    "free 0, 0\n"
    "OBSERVE start 96 64544\n"         // 24  mark start, observe
    "gc_alloc(0 bytes -> 0 blocks)\n"  // 25  id 3, size 0, no failure
    "malloc 0 : 0\n"
    "gc_alloc(32 bytes -> 1 blocks)\n"  // 27  id 4 at block 0
    "gc_alloc(10380)\n"
    "malloc 32 : 10380\n"
    "gc_mark(10400)\n"  // 30  gc.collect(): drop 4, collect
    "gc_sweep(10380)\n"
    "HEAPMAP after\n"                    // 32  mark after
    "gc_alloc(100 bytes -> 4 blocks)\n"  // 33  threshold collection: collect, then id 5
    "gc_mark(10400)\n"
    "gc_alloc(10380)\n"
    "malloc 100 : 10380\n"
    "gc_alloc(64640 bytes -> 2020 blocks)\n"  // 37  OOM collection drops 5, then id 6 fails
    "gc_alloc(64640): no free mem, triggering GC\n"
    "gc_mark(10400)\n"
    "gc_sweep(10380)\n"
    "memory allocation failed, allocating 64640 bytes\n"
    "gc_alloc(64640 bytes -> 2020 blocks)\n"  // 42  threshold collection, then id 7 fails:
    "gc_mark(10400)\n"                        //     collect, disable, alloc 7, enable
    "gc_allc(10380)\n"                        // 44  garbled: a warning, nothing else
    "gc_free(12345)\n"                        // 45  never allocated: a warning
    "MEMORYERROR frame1\n";                   // 46  script output: ignored

Event ev(Op op, std::uint64_t id = 0, std::uint64_t size = 0) {
  Event e;
  e.op = op;
  e.id = id;
  e.size = size;
  return e;
}
Event mark(const std::string& label) {
  Event e = ev(Op::mark);
  e.text = label;
  return e;
}
Event observe(std::int64_t mem_alloc, std::int64_t mem_free) {
  Event e = ev(Op::observe);
  e.mem_alloc = mem_alloc;
  e.mem_free = mem_free;
  return e;
}

MpyLogImport import_text(const std::string& text, const std::string& name = "hand.log") {
  std::istringstream in(text);
  return import_mpy_log(in, name);
}

std::vector<std::uint64_t> warning_lines(const MpyLogImport& imported) {
  std::vector<std::uint64_t> lines;
  for (const ImportWarning& w : imported.warnings) lines.push_back(w.line);
  return lines;
}

TEST(MpyLogImport, TurnsEveryLineShapeIntoItsEvents) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape);
  const std::vector<Event> expected = {
      ev(Op::alloc, 1, 48), ev(Op::alloc, 2, 16),  ev(Op::realloc, 2, 40),  ev(Op::realloc, 1, 96),
      ev(Op::free, 2),      mark("start"),         observe(96, 64544),      ev(Op::alloc, 3, 0),
      ev(Op::alloc, 4, 32), ev(Op::drop, 4),       ev(Op::collect),         mark("after"),
      ev(Op::collect),      ev(Op::alloc, 5, 100), ev(Op::drop, 5),         ev(Op::alloc, 6, 64640),
      ev(Op::collect),      ev(Op::disable),       ev(Op::alloc, 7, 64640), ev(Op::enable),
  };
  EXPECT_EQ(imported.events, expected);
}

TEST(MpyLogImport, ReportsGarbledAndInconsistentLinesWithTheirNumbers) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape);
  ASSERT_EQ(imported.warnings.size(), 2u);
  EXPECT_EQ(imported.warnings[0].line, 44u);
  EXPECT_EQ(imported.warnings[0].text, "gc_allc(10380)");
  EXPECT_EQ(imported.warnings[0].reason,
            "looks like gc/malloc output but fits no known line shape");
  EXPECT_EQ(imported.warnings[1].line, 45u);
  EXPECT_EQ(imported.warnings[1].text, "gc_free(12345)");
  EXPECT_EQ(imported.warnings[1].reason, "gc_free of an address not allocated");
}

TEST(MpyLogImport, CountsLinesByShapeAndWhatTheEventsHold) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape);
  const MpyLogStats& s = imported.stats;
  auto lines = [&s](LineShape shape) { return s.shape_lines[static_cast<std::size_t>(shape)]; };
  EXPECT_EQ(s.lines, 46u);
  EXPECT_EQ(lines(LineShape::alloc_header), 8u);
  EXPECT_EQ(lines(LineShape::alloc_ptr), 5u);
  EXPECT_EQ(lines(LineShape::alloc_no_free_mem), 1u);
  EXPECT_EQ(lines(LineShape::gc_free), 4u);
  EXPECT_EQ(lines(LineShape::gc_mark), 4u);
  EXPECT_EQ(lines(LineShape::gc_sweep), 2u);
  EXPECT_EQ(lines(LineShape::realloc), 3u);
  EXPECT_EQ(lines(LineShape::runtime_c), 2u);
  EXPECT_EQ(lines(LineShape::other), 1u);
  EXPECT_EQ(lines(LineShape::unknown), 1u);
  EXPECT_EQ(s.ignored_lines, 3u);
  EXPECT_EQ(s.allocations, 7u);
  EXPECT_EQ(s.failed_allocations, 2u);
  EXPECT_EQ(s.frees, 1u);
  EXPECT_EQ(s.reallocs_in_place, 1u);
  EXPECT_EQ(s.reallocs_moved, 1u);
  EXPECT_EQ(s.drops, 2u);
  EXPECT_EQ(s.collections_explicit, 1u);
  EXPECT_EQ(s.collections_threshold, 2u);
  EXPECT_EQ(s.collections_oom, 1u);
  EXPECT_EQ(s.observes, 1u);
  EXPECT_EQ(s.marks, 2u);
}

TEST(MpyLogImport, NamesTheTraceAndItsHeapAfterTheLog) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape, "logs/hand.log.gz");
  EXPECT_EQ(imported.header.name, "hand");
  EXPECT_EQ(imported.header.geometry, "k210");
  EXPECT_EQ(imported.heap.geometry.heap_bytes, 65520u);
  EXPECT_EQ(imported.heap.geometry.start_offset, 16u);
  EXPECT_EQ(imported.heap.pool_blocks, 2020u);
  EXPECT_EQ(imported.heap.pool_address, 0x10380u);
}

TEST(MpyLogImport, ReplayOnTheLogsHeapGivesTheLogsValues) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape);
  ImportFiles files;
  const std::string trace = files.path("hand.jsonl");
  {
    std::ofstream out(trace);
    write_trace_jsonl(out, imported.header, imported.events);
  }
  ReplaySettings settings;
  settings.geometry = imported.heap.geometry;
  const ReplayResult r = replay_trace(trace, settings);
  EXPECT_EQ(r.layout.pool_blocks, 2020u);
  EXPECT_EQ(r.summary.observe_count, 1u);
  EXPECT_EQ(r.summary.observe_max_diff_mem_alloc, 0u);
  EXPECT_EQ(r.summary.observe_max_diff_mem_free, 0u);
  EXPECT_EQ(r.summary.realloc_moved, 1u);
  EXPECT_EQ(r.summary.realloc_grown_in_place, 1u);
  // gc.collect() and the two threshold collections are `collect` events; the OOM one is the
  // replay's own.
  EXPECT_EQ(r.summary.collections_explicit, 3u);
  EXPECT_EQ(r.summary.collections_oom, 1u);
  EXPECT_EQ(r.summary.failures_alloc, 2u);
}

TEST(MpyLogImport, AGcMarkAfterAGcSweepOrAnotherLineStartsANewCollection) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(32 bytes -> 1 blocks)\n"
                                            "gc_alloc(10380)\n"
                                            "gc_mark(10400)\n"
                                            "gc_sweep(10380)\n"
                                            "gc_mark(10400)\n"
                                            "call method (fun=1, self=0, n_args=0)\n"
                                            "gc_mark(10400)\n");
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::alloc, 1, 32), ev(Op::drop, 1), ev(Op::collect),
                                ev(Op::collect), ev(Op::collect)}));
  EXPECT_EQ(imported.stats.collections_explicit, 3u);
}

TEST(MpyLogImport, AFinalisersOutputInsideASweepDoesNotEndTheCollection) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(32 bytes -> 1 blocks)\n"
                                            "gc_alloc(10380)\n"
                                            "gc_alloc(32 bytes -> 1 blocks)\n"
                                            "gc_alloc(103a0)\n"
                                            "gc_mark(10400)\n"
                                            "calling function 1(n_args=1, n_kw=0, args=2)\n"
                                            "gc_sweep(10380)\n"
                                            "calling function 1(n_args=1, n_kw=0, args=2)\n"
                                            "gc_sweep(103a0)\n");
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::alloc, 1, 32), ev(Op::alloc, 2, 32), ev(Op::drop, 1),
                                ev(Op::drop, 2), ev(Op::collect)}));
  EXPECT_EQ(imported.stats.collections_explicit, 1u);
}

TEST(MpyLogImport, AnOomCollectionDuringAMoveDropsBeforeTheRealloc) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(32 bytes -> 1 blocks)\n"
                                            "gc_alloc(10380)\n"
                                            "gc_alloc(32 bytes -> 1 blocks)\n"
                                            "gc_alloc(103a0)\n"
                                            "gc_alloc(64 bytes -> 2 blocks)\n"
                                            "gc_alloc(64): no free mem, triggering GC\n"
                                            "gc_mark(10380)\n"
                                            "gc_sweep(103a0)\n"
                                            "gc_alloc(103a0)\n"
                                            "gc_realloc(10380 -> 103a0)\n"
                                            "gc_free(10380)\n"
                                            "realloc 10380, 32, 64 : 103a0\n"
                                            "gc_free(103a0)\n");
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::alloc, 1, 32), ev(Op::alloc, 2, 32), ev(Op::drop, 2),
                                ev(Op::realloc, 1, 64), ev(Op::free, 1)}));
  EXPECT_TRUE(imported.warnings.empty());
}

TEST(MpyLogImport, AReallocFromNullIsAnAllocAndAReallocToZeroAFree) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(40 bytes -> 2 blocks)\n"
                                            "gc_alloc(10380)\n"
                                            "realloc 0, 0, 40 : 10380\n"
                                            "gc_free(10380)\n"
                                            "realloc 10380, 40, 0 : 0\n");
  EXPECT_EQ(imported.events, (std::vector<Event>{ev(Op::alloc, 1, 40), ev(Op::free, 1)}));
  EXPECT_TRUE(imported.warnings.empty());
}

TEST(MpyLogImport, AFailedAllocationWithNoCollectionRunsWithGcDisabled) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(99999 bytes -> 3125 blocks)\n"
                                            "malloc 99999 : 0\n");
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::disable), ev(Op::alloc, 1, 99999), ev(Op::enable)}));
  EXPECT_EQ(imported.stats.failed_allocations, 1u);
}

TEST(MpyLogImport, ReportsLinesThatContradictTheLogSoFar) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(10380)\n"                          // 6
                                            "gc_sweep(10380)\n"                          // 7
                                            "realloc 10380, 32, 64 : 10380\n"            // 8
                                            "gc_realloc(10380 -> 103a0)\n"               // 9
                                            "gc_alloc(5): no free mem, triggering GC\n"  // 10
                                            "gc_alloc(64 bytes -> 2 blocks)\n"
                                            "gc_alloc(103a0)\n"
                                            "gc_realloc(10380 -> 103a0)\n"       // 13
                                            "realloc 10400, 32, 64 : 10440\n");  // 14
  EXPECT_EQ(warning_lines(imported), (std::vector<std::uint64_t>{6, 7, 8, 9, 10, 13, 14}));
  // The sweep still makes a collection; the move of an unknown address keeps the heap right:
  // its new block is a new object.
  EXPECT_EQ(imported.events, (std::vector<Event>{ev(Op::collect), ev(Op::alloc, 1, 64)}));
}

TEST(MpyLogImport, ReadsAGzippedLogFromAPath) {
  ImportFiles files;
  const std::string path = files.path("hand.log.gz");
  const std::string text = std::string(kLayout) + kEveryShape;
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  const MpyLogImport from_file = import_mpy_log(path);
  EXPECT_EQ(from_file.events, import_text(text).events);
  EXPECT_EQ(from_file.stats.lines, 46u);
  EXPECT_EQ(from_file.header.name, "hand");
}

TEST(MpyLogImport, AMissingFileIsATraceError) {
  try {
    import_mpy_log(std::string("/nonexistent/x.log"));
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.info().rule, "missing-file");
  }
}

TEST(MpyLogImport, ALogWithoutItsHeapLayoutIsAnError) {
  try {
    import_text("gc_alloc(48 bytes -> 2 blocks)\ngc_alloc(10380)\n");
    FAIL() << "no error";
  } catch (const TraceError& e) {
    EXPECT_EQ(e.info().file, "hand.log");
    EXPECT_EQ(e.info().rule, "no-heap-layout");
  }
}

TEST(MpyLogImport, TraceNameDropsFoldersAndEndings) {
  EXPECT_EQ(trace_name_for_log("a/b/c_bigbuf_churn.heap128k.log.gz"), "c_bigbuf_churn.heap128k");
  EXPECT_EQ(trace_name_for_log("capture.txt"), "capture");
  EXPECT_EQ(trace_name_for_log("run"), "run");
}

}  // namespace
}  // namespace gcsim

namespace gcsim {
namespace {

// Two 2-block allocations pass gc_alloc's threshold check (amount 0, then 2 blocks), the third
// collects (amount 4): gc.threshold() was 4 blocks, 128 bytes, and the replay's own trigger
// makes that collection, so it is no `collect` event.
constexpr const char* kThresholdLog =
    "gc_alloc(64 bytes -> 2 blocks)\n"
    "gc_alloc(10380)\n"
    "gc_alloc(64 bytes -> 2 blocks)\n"
    "gc_alloc(103c0)\n"
    "gc_alloc(64 bytes -> 2 blocks)\n"
    "gc_mark(10380)\n"
    "gc_sweep(103c0)\n"
    "gc_alloc(103c0)\n"
    "gc_alloc(32 bytes -> 1 blocks)\n"
    "gc_alloc(10400)\n";

TEST(MpyLogImport, OneThresholdExplainingEveryThresholdCollectionGoesInTheHeader) {
  const MpyLogImport imported = import_text(std::string(kLayout) + kThresholdLog);
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::alloc, 1, 64), ev(Op::alloc, 2, 64), ev(Op::drop, 2),
                                ev(Op::alloc, 3, 64), ev(Op::alloc, 4, 32)}));
  EXPECT_EQ(imported.threshold_blocks, std::optional<std::uint64_t>(4));
  ASSERT_TRUE(imported.header.recorded);
  EXPECT_EQ(
      *imported.header.recorded,
      (RecordedSetting{
          .liveness = "collections", .heap_bytes = 65520, .start_offset = 16, .threshold = 128}));
  EXPECT_EQ(imported.stats.collections_threshold, 1u);

  // Replayed at the recorded setting, the threshold makes the log's collection there.
  ImportFiles files;
  const std::string trace = files.path("threshold.jsonl");
  {
    std::ofstream out(trace);
    write_trace_jsonl(out, imported.header, imported.events);
  }
  ReplaySettings settings;
  settings.geometry = imported.heap.geometry;
  settings.threshold_bytes = 128;
  const ReplayResult r = replay_trace(trace, settings);
  EXPECT_EQ(r.summary.collections_threshold, 1u);
  EXPECT_EQ(r.collections.at(0).event, 3u);
  EXPECT_TRUE(r.warnings.empty());
  EXPECT_EQ(r.header.recorded, imported.header.recorded);  // read back as written
}

TEST(MpyLogImport, ACollectionBeforeEveryAllocationIsARecording) {
  const MpyLogImport imported = import_text(std::string(kLayout) +
                                            "gc_alloc(64 bytes -> 2 blocks)\n"
                                            "gc_mark(10400)\n"
                                            "gc_alloc(10380)\n"
                                            "gc_alloc(64 bytes -> 2 blocks)\n"
                                            "gc_mark(10400)\n"
                                            "gc_sweep(10380)\n"
                                            "gc_alloc(10380)\n");
  EXPECT_EQ(imported.events,
            (std::vector<Event>{ev(Op::alloc, 1, 64), ev(Op::drop, 1), ev(Op::alloc, 2, 64)}));
  EXPECT_EQ(imported.threshold_blocks, std::optional<std::uint64_t>(0));
  ASSERT_TRUE(imported.header.recorded);
  EXPECT_EQ(imported.header.recorded->liveness, "every-allocation");
  EXPECT_FALSE(imported.header.recorded->threshold);
}

TEST(MpyLogImport, ThresholdCollectionsNoOneValueExplainsStayCollectEvents) {
  // kEveryShape's threshold collections come at amounts 0 and 2, after a call that passed the
  // check at 0: no gc.threshold() gives that (the script changed it, or disabled gc).
  const MpyLogImport imported = import_text(std::string(kLayout) + kEveryShape);
  EXPECT_FALSE(imported.threshold_blocks);
  ASSERT_TRUE(imported.header.recorded);
  EXPECT_EQ(imported.header.recorded->liveness, "collections");
  EXPECT_EQ(imported.header.recorded->threshold, std::optional<std::int64_t>(-1));
}

}  // namespace
}  // namespace gcsim
