// heap_map: does gcsim draw gc_dump_alloc_table's text exactly (docs/collector.md §9)? Small
// hand-drawn tables: 64 blocks a line, the "(N lines all free)" elision (7 spaces, at least two
// whole free lines, the rest of the run printed as dots), a partial last line, v1.11's %05x
// offsets masked to 1 MiB (a 3 MiB heap shows f7000:) against v1.20's %08x, and the letters
// block_letters takes from the block table and the trace's types.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "collector/heap_info.h"
#include "heap/block_table.h"
#include "replay/simulation.h"
#include "report/heap_map/mem_info.h"
#include "text_checks.h"

namespace gcsim {
namespace {

constexpr HeapMapFormat kV111{RulesVersion::v1_11, 32, 0x1000};
constexpr HeapMapFormat kV120{RulesVersion::v1_20, 32, 0x1000};

std::string table_text(const std::string& letters, const HeapMapFormat& format) {
  std::ostringstream out;
  write_alloc_table(out, letters, format);
  return out.str();
}

TEST(HeapMap, OneLineNoElision) {
  const std::string letters = "h=ShhSh===" + test::dots(54);
  EXPECT_EQ(table_text(letters, kV111), "GC memory layout; from 1000:\n00000: " + letters + "\n");
  EXPECT_EQ(table_text(letters, kV120),
            "GC memory layout; from 1000:\n00000000: " + letters + "\n");
}

TEST(HeapMap, PartialLastLine) {
  // 80 blocks: a full line, then 16 (the 128 KiB heap's last line is 16 blocks too).
  const std::string letters = "h=" + test::dots(78);
  EXPECT_EQ(table_text(letters, kV111), "GC memory layout; from 1000:\n00000: h=" + test::dots(62) +
                                            "\n00800: " + test::dots(16) + "\n");
}

TEST(HeapMap, TwoFreeLinesAreElidedOneIsNot) {
  // Line 1 and 2 free (128 blocks from block 64): elided; the line after is printed.
  const std::string two = "h" + test::dots(63) + test::dots(128) + "T" + test::dots(63);
  EXPECT_EQ(table_text(two, kV111), "GC memory layout; from 1000:\n00000: h" + test::dots(63) +
                                        "\n       (2 lines all free)\n01800: T" + test::dots(63) +
                                        "\n");
  // 127 free blocks from a line start are fewer than two lines: printed in full.
  const std::string short_run = "h" + test::dots(63) + test::dots(127) + "h" + test::dots(64);
  EXPECT_EQ(table_text(short_run, kV111), "GC memory layout; from 1000:\n00000: h" +
                                              test::dots(63) + "\n00800: " + test::dots(64) +
                                              "\n01000: " + test::dots(63) +
                                              "h\n01800: " + test::dots(64) + "\n");
}

TEST(HeapMap, RestOfAnElidedRunIsPrintedAsDots) {
  // 150 free blocks from block 64: 2 lines elided (⌊150/64⌋), the line at block 192 starts
  // with the run's last 22 free blocks.
  const std::string letters = "h" + test::dots(63) + test::dots(150) + "h" + test::dots(41);
  EXPECT_EQ(table_text(letters, kV111), "GC memory layout; from 1000:\n00000: h" + test::dots(63) +
                                            "\n       (2 lines all free)\n01800: " +
                                            test::dots(22) + "h" + test::dots(41) + "\n");
}

TEST(HeapMap, ElisionCanEndTheMap) {
  EXPECT_EQ(table_text(test::dots(128), kV111),
            "GC memory layout; from 1000:\n       (2 lines all free)\n");
  // A free run to the end of a heap with a partial last line: elided, then the partial line.
  EXPECT_EQ(
      table_text(test::dots(4048), kV111),
      "GC memory layout; from 1000:\n       (63 lines all free)\n1f800: " + test::dots(16) + "\n");
}

TEST(HeapMap, OffsetsWrapAbove1MiBInV111Only) {
  // The 3 MiB k210 map of docs/collector.md §9: 97,164 blocks; 0x2f7000 prints as f7000: in
  // v1.11 (masked to 20 bits) and 002f7000: in v1.20.
  const std::string first = "h=.hhSh===h=====hB..h==.........h=======........................";
  ASSERT_EQ(first.size(), 64u);
  const std::string letters = first + test::dots(97164 - 64);
  const std::string lines = "\n       (1517 lines all free)";
  EXPECT_EQ(table_text(letters, {RulesVersion::v1_11, 32, 0x7fe1e02c2e80}),
            "GC memory layout; from 7fe1e02c2e80:\n00000: " + first + lines +
                "\nf7000: " + test::dots(12) + "\n");
  EXPECT_EQ(table_text(letters, {RulesVersion::v1_20, 32, 0x7fe1e02c2e80}),
            "GC memory layout; from 7fe1e02c2e80:\n00000000: " + first + lines +
                "\n002f7000: " + test::dots(12) + "\n");
}

TEST(HeapMap, LineOffsetsCountBytesOfTheBlockSize) {
  // 16-byte blocks (wasm32): a line is 0x400 bytes.
  const std::string letters = "h" + test::dots(63) + "h" + test::dots(63);
  EXPECT_EQ(table_text(letters, {RulesVersion::v1_20, 16, 0xabc}),
            "GC memory layout; from abc:\n00000000: h" + test::dots(63) + "\n00000400: h" +
                test::dots(63) + "\n");
}

TEST(HeapMap, GcInfoLines) {
  HeapInfo info;
  info.total = 129536;
  info.used = 3328;
  info.free = 126208;
  info.num_1block = 32;
  info.num_2block = 3;
  info.max_block = 15;
  info.max_free = 3744;
  std::ostringstream out;
  write_gc_info(out, info);
  EXPECT_EQ(out.str(),
            "GC: total: 129536, used: 3328, free: 126208\n"
            " No. of 1-blocks: 32, 2-blocks: 3, max blk sz: 15, max free sz: 3744\n");
}

TEST(HeapMap, BlockLettersFromTheTable) {
  BlockTable table(8);
  table.allocate(BlockIndex(0), 3);
  table.allocate(BlockIndex(4), 1);
  table.allocate(BlockIndex(5), 2);
  ASSERT_TRUE(table.mark(BlockIndex(5)));
  EXPECT_EQ(block_letters(table, nullptr), "h==.hm=.");
}

TEST(HeapMap, HeadsTakeTheTypeLetterOfTheTrace) {
  const auto layout = compute_layout({.heap_bytes = 4096});
  ASSERT_TRUE(layout);
  Simulation sim(*layout);
  auto alloc = [&](std::uint64_t id, std::uint64_t size, std::string type) {
    Event e;
    e.op = Op::alloc;
    e.id = id;
    e.size = size;
    e.text = std::move(type);
    sim.apply(e, EventIndex(id));
  };
  alloc(1, 48, "list");
  alloc(2, 32, "");
  alloc(3, 16, "str");
  alloc(4, 100, "nonsense");
  alloc(5, 8, "float");
  const std::string letters = block_letters(sim.collector().table(), &sim.program());
  EXPECT_EQ(letters.substr(0, 10), "L=hSh===F.");
}

TEST(HeapMap, DefaultPoolAddressFollowsTheLayout) {
  const auto layout = compute_layout({.heap_bytes = 524288, .start_offset = 16});
  ASSERT_TRUE(layout);
  EXPECT_EQ(default_pool_address(*layout), kDefaultHeapAddress + 16 + layout->pool_offset);
  EXPECT_EQ(heap_map_format(*layout).pool_address, default_pool_address(*layout));
  EXPECT_EQ(heap_map_format(*layout, 0x7ffff7c70800).pool_address, 0x7ffff7c70800u);
  EXPECT_EQ(heap_map_format(*layout).rules, RulesVersion::v1_11);
}

TEST(HeapMap, WholeMapIsInfoThenTable) {
  BlockTable table(4);
  table.allocate(BlockIndex(1), 2);
  std::ostringstream out;
  write_heap_map(out, heap_info(table, 32), block_letters(table, nullptr), kV111);
  EXPECT_EQ(out.str(),
            "GC: total: 128, used: 64, free: 64\n"
            " No. of 1-blocks: 0, 2-blocks: 1, max blk sz: 2, max free sz: 1\n"
            "GC memory layout; from 1000:\n00000: .h=.\n");
}

}  // namespace
}  // namespace gcsim
