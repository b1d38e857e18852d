// The log's heap: do gc_init's lines give the heap size, start offset, block size and rules
// that make gcsim build exactly the logged tables and pool, and is a log whose layout gcsim
// cannot rebuild, or that lacks a layout line, an error naming the log?
#include "import/mpy_log_heap.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

MpyLogHeap heap_of(const std::vector<std::string>& lines) {
  MpyLogHeapReader reader;
  std::uint64_t n = 0;
  for (const std::string& line : lines) reader.take(parse_log_line(line), ++n);
  return reader.finish("x.log");
}

TraceErrorInfo error_of(const std::vector<std::string>& lines) {
  try {
    heap_of(lines);
  } catch (const TraceError& e) {
    return e.info();
  }
  ADD_FAILURE() << "no error";
  return {};
}

const std::vector<std::string> k512K = {
    "Initializing GC heap: 7ffff7c6f010..7ffff7cef000 = 524272 bytes",
    "GC layout:",
    "  alloc table at 7ffff7c6f010, length 4048 bytes, 16192 blocks",
    "  finaliser table at 7ffff7c6ffe0, length 2024 bytes, 16192 blocks",
    "  pool at 7ffff7c70800, length 518144 bytes, 16192 blocks",
};

TEST(MpyLogHeap, The512KUnixLogIsTheK210PresetAtItsUsableBytes) {
  const MpyLogHeap h = heap_of(k512K);
  EXPECT_EQ(h.preset, "k210");
  EXPECT_EQ(h.geometry.heap_bytes, 524272u);
  EXPECT_EQ(h.geometry.start_offset, 16u);
  EXPECT_EQ(h.geometry.block_bytes, 32u);
  EXPECT_EQ(h.geometry.word_bytes, 8u);
  EXPECT_TRUE(h.geometry.finaliser);
  EXPECT_EQ(h.geometry.rules, RulesVersion::v1_11);
  EXPECT_EQ(h.pool_blocks, 16192u);
  EXPECT_EQ(h.pool_bytes, 518144u);
  EXPECT_EQ(h.pool_address, 0x7ffff7c70800u);
  const auto layout = compute_layout(h.geometry);
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->pool_blocks, 16192u);
}

TEST(MpyLogHeap, The128KUnixLog) {
  const MpyLogHeap h = heap_of({
      "Initializing GC heap: 5555555be2d0..5555555de2c0 = 131056 bytes",
      "  alloc table at 5555555be2d0, length 1012 bytes, 4048 blocks",
      "  finaliser table at 5555555be6c4, length 506 bytes, 4048 blocks",
      "  pool at 5555555be8c0, length 129536 bytes, 4048 blocks",
  });
  EXPECT_EQ(h.preset, "k210");
  EXPECT_EQ(h.geometry.heap_bytes, 131056u);
  EXPECT_EQ(h.geometry.start_offset, 16u);
  EXPECT_EQ(h.pool_blocks, 4048u);
}

TEST(MpyLogHeap, AGapByteAfterTheAllocTableMeansV120Rules) {
  // 1 MiB, 16-byte blocks, 4-byte words: the wasm32 preset. v1.20 puts the FTB at A + 1.
  const MpyLogHeap h = heap_of({
      "Initializing GC heap: 100000..200000 = 1048576 bytes",
      "  alloc table at 100000, length 16008 bytes, 64032 blocks",
      "  finaliser table at 103e89, length 8004 bytes, 64032 blocks",
      "  pool at 105e00, length 1024512 bytes, 64032 blocks",
  });
  EXPECT_EQ(h.geometry.rules, RulesVersion::v1_20);
  EXPECT_EQ(h.geometry.block_bytes, 16u);
  EXPECT_EQ(h.geometry.word_bytes, 4u);
  EXPECT_EQ(h.preset, "wasm32");
}

TEST(MpyLogHeap, NoFinaliserTableNoPreset) {
  // 64-bit, 32-byte blocks, finaliser off: 512 KiB gives A = 4064 (docs/collector.md §1.3).
  const MpyLogHeap h = heap_of({
      "Initializing GC heap: 80000..100000 = 524288 bytes",
      "  alloc table at 80000, length 4064 bytes, 16256 blocks",
      "  pool at 81000, length 520192 bytes, 16256 blocks",
  });
  EXPECT_FALSE(h.geometry.finaliser);
  EXPECT_EQ(h.geometry.start_offset, 0u);
  EXPECT_EQ(h.preset, "");
}

TEST(MpyLogHeap, ALayoutGcsimDoesNotBuildIsAnErrorSayingWhatDiffers) {
  std::vector<std::string> lines = k512K;
  lines[4] = "  pool at 7ffff7c70800, length 517120 bytes, 16160 blocks";
  const TraceErrorInfo e = error_of(lines);
  EXPECT_EQ(e.file, "x.log");
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(e.rule, "heap-layout-mismatch");
  EXPECT_NE(e.detail.find("pool blocks 16160 (gcsim computes 16192)"), std::string::npos)
      << e.detail;
}

TEST(MpyLogHeap, APoolThatIsNoWholeNumberOfBlocksIsAnError) {
  std::vector<std::string> lines = k512K;
  lines[4] = "  pool at 7ffff7c70800, length 518145 bytes, 16192 blocks";
  EXPECT_EQ(error_of(lines).rule, "heap-layout-mismatch");
}

TEST(MpyLogHeap, AMissingLayoutLineIsAnError) {
  for (std::size_t drop : {0u, 2u, 4u}) {
    std::vector<std::string> lines = k512K;
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(drop));
    const TraceErrorInfo e = error_of(lines);
    EXPECT_EQ(e.rule, "no-heap-layout") << drop;
    EXPECT_EQ(e.file, "x.log");
  }
}

}  // namespace
}  // namespace gcsim
