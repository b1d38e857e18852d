// The import summary: does it say what the log gave, the heap, and the exact `gcsim replay`
// line for the log's heap, and list the first warnings with their line numbers?
#include "import/import_summary.h"

#include <sstream>

#include <gtest/gtest.h>

namespace gcsim {
namespace {

MpyLogHeap heap_512k() {
  MpyLogHeap h;
  h.preset = "k210";
  h.geometry = find_preset("k210")->params;
  h.geometry.heap_bytes = 524272;
  h.geometry.start_offset = 16;
  h.pool_blocks = 16192;
  h.pool_bytes = 518144;
  return h;
}

TEST(ImportSummary, ReplayCommandForTheK210PresetGivesHeapSizeAndStartOffset) {
  EXPECT_EQ(replay_command_for(heap_512k(), "t.jsonl"),
            "gcsim replay t.jsonl --heap-size 524272 --start-offset 16");
}

TEST(ImportSummary, ReplayCommandNamesAnotherPresetOrTheFieldsThatDiffer) {
  MpyLogHeap wasm;
  wasm.preset = "wasm32";
  wasm.geometry = find_preset("wasm32")->params;
  EXPECT_EQ(replay_command_for(wasm, "t.jsonl"),
            "gcsim replay t.jsonl --preset wasm32 --heap-size 1048576");
  MpyLogHeap other = heap_512k();
  other.preset = "";
  other.geometry.finaliser = false;
  other.geometry.block_bytes = 16;
  other.geometry.word_bytes = 4;
  other.geometry.start_offset = 0;
  EXPECT_EQ(replay_command_for(other, "t.jsonl"),
            "gcsim replay t.jsonl --heap-size 524272 --word-bytes 4 --block-bytes 16 "
            "--finaliser false");
}

TEST(ImportSummary, SaysWhatTheLogGaveAndListsTheFirstTenWarnings) {
  MpyLogImport imported;
  imported.heap = heap_512k();
  imported.events.resize(5);
  MpyLogStats& s = imported.stats;
  s.lines = 30143;
  s.allocations = 2864;
  s.frees = 106;
  s.reallocs_in_place = 257;
  s.reallocs_moved = 22;
  s.drops = 2634;
  s.collections_oom = 39;
  s.observes = 26;
  s.marks = 26;
  s.ignored_lines = 21991;
  s.shape_lines[static_cast<std::size_t>(LineShape::unknown)] = 11;
  for (std::uint64_t line = 1; line <= 12; ++line) {
    imported.warnings.push_back({line, "gc_allc(1)", "looks like gc/malloc output"});
  }
  imported.warnings_total = 12;
  std::ostringstream out;
  write_import_summary(out, imported, "c.log.gz", "c.jsonl", 80);
  const std::string text = out.str();
  EXPECT_EQ(text.substr(0, text.find("heap:")),
            "c.log.gz: 30,143 lines → c.jsonl: 5 events: 2,864 allocations (0 failed), 106\n"
            "  frees, 257 in-place and 22 moving reallocs, 2,634 drops; 39 collections (39\n"
            "  out of memory, 0 threshold, 0 explicit); 26 observe and 26 mark events; 21,991\n"
            "  lines of other core files and other text ignored; 11 unknown gc/malloc lines,\n"
            "  1 inconsistent lines.\n");
  EXPECT_NE(text.find("heap: 524,272 bytes at start offset 16 (k210, v1.11 rules): pool 16,192 "
                      "blocks =\n  518,144 bytes\n"),
            std::string::npos);
  EXPECT_NE(text.find("replay with: gcsim replay c.jsonl --heap-size 524272 --start-offset 16\n"),
            std::string::npos);
  EXPECT_NE(text.find("  line 10: looks like gc/malloc output: gc_allc(1)\n"), std::string::npos);
  EXPECT_EQ(text.find("  line 11:"), std::string::npos);
  EXPECT_NE(text.find("… and 2 more lines\n"), std::string::npos);
}

// A replay command too long to sit beside its label goes whole on the next line: folded, it
// would not paste as one command.
TEST(ImportSummary, KeepsTheReplayCommandOneLine) {
  MpyLogImport imported;
  imported.heap = heap_512k();
  std::ostringstream out;
  write_import_summary(out, imported, "c.log", "traces/c.jsonl", 60);
  EXPECT_NE(out.str().find("replay with:\n"
                           "  gcsim replay traces/c.jsonl --heap-size 524272 --start-offset 16\n"),
            std::string::npos);
}

}  // namespace
}  // namespace gcsim
