// wrap_text (text/text_wrap.h): prose folded at words within the width, the line's own indent
// kept, continuations hung; a word longer than the width left whole, or split after a '/' by
// split_long_words; escapes take no columns.
#include "text/text_wrap.h"

#include <gtest/gtest.h>

#include "text/terminal_style.h"

namespace gcsim {
namespace {

TEST(WrapText, AShortLineIsOneLine) {
  EXPECT_EQ(wrap_text("  gate: budgets only", 80, 4), "  gate: budgets only\n");
}

TEST(WrapText, FoldsAtWordsUnderTheHang) {
  EXPECT_EQ(wrap_text("  recommended  threshold=off heap=8192: no setting is safe", 30, 15),
            "  recommended  threshold=off\n"
            "               heap=8192: no\n"
            "               setting is safe\n");
}

TEST(WrapText, KeepsDoubleSpacesInsideALineAndDropsThemAtAFold) {
  EXPECT_EQ(wrap_text("  FAIL  classes  events: 24 events", 15, 8),
            "  FAIL  classes\n"
            "        events:\n"
            "        24\n"
            "        events\n");
}

TEST(WrapText, LeavesAWordLongerThanTheWidthWhole) {
  EXPECT_EQ(wrap_text("trace a/very/long/path/to/a/trace.jsonl ok", 20, 2),
            "trace\n"
            "  a/very/long/path/to/a/trace.jsonl\n"
            "  ok\n");
}

TEST(SplitLongWords, SplitsAfterTheLastSlashThatFits) {
  EXPECT_EQ(split_long_words("(npm @micropython/micropython-webassembly-pyscript)", 20),
            "(npm @micropython/ micropython-webassembly-pyscript)");
  EXPECT_EQ(split_long_words("a/b/c/d/e/f", 4), "a/b/ c/d/ e/f");
}

TEST(SplitLongWords, LeavesShortWordsAndWordsWithoutASlash) {
  EXPECT_EQ(split_long_words("a/b  CONFIG_MAIXPY_GC_HEAP_SIZE=0x80000", 10),
            "a/b  CONFIG_MAIXPY_GC_HEAP_SIZE=0x80000");
}

TEST(WrapText, EscapesTakeNoColumns) {
  const std::string fail = paint({.width = 80, .color = true}, Color::red, "FAIL");
  EXPECT_EQ(wrap_text("  " + fail + "  a b", 11, 8), "  " + fail + "  a b\n");
}

TEST(VisibleWidth, CountsWhatShows) {
  EXPECT_EQ(visible_width("abc"), 3u);
  EXPECT_EQ(visible_width("\x1b[31mabc\x1b[0m"), 3u);
  EXPECT_EQ(visible_width("caf\xc3\xa9"), 4u);  // é: one column, two bytes
}

TEST(Paint, NothingWithoutColour) {
  EXPECT_EQ(paint({.width = 80, .color = false}, Color::red, "FAIL"), "FAIL");
  EXPECT_EQ(paint({.width = 80, .color = true}, Color::green, "PASS"), "\x1b[32mPASS\x1b[0m");
}

}  // namespace
}  // namespace gcsim
