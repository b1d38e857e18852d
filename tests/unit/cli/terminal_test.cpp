// The output width and colour decisions (cli/terminal.h): COLUMNS first, then the terminal's
// width, then 80, clamped to 40..240; colour by --color, the terminal, NO_COLOR and TERM.
#include "cli/terminal.h"

#include <gtest/gtest.h>

namespace gcsim::cli {
namespace {

TEST(DecideWidth, ColumnsWinsOverTheTerminal) {
  EXPECT_EQ(decide_width("100", 132), 100u);
  EXPECT_EQ(decide_width("100", 0), 100u);
}

TEST(DecideWidth, TheTerminalWhenColumnsIsUnsetElse80) {
  EXPECT_EQ(decide_width("", 132), 132u);
  EXPECT_EQ(decide_width("", 0), 80u);
}

TEST(DecideWidth, ColumnsThatIsNoPositiveWholeNumberIsPassedOver) {
  for (const char* columns : {"0", "abc", "80x", " 80", "-80", "+80", "8.5", "00"}) {
    EXPECT_EQ(decide_width(columns, 132), 132u) << "'" << columns << "'";
    EXPECT_EQ(decide_width(columns, 0), 80u) << "'" << columns << "'";
  }
}

TEST(DecideWidth, ClampedTo40Through240) {
  EXPECT_EQ(decide_width("1", 0), 40u);
  EXPECT_EQ(decide_width("39", 0), 40u);
  EXPECT_EQ(decide_width("40", 0), 40u);
  EXPECT_EQ(decide_width("240", 0), 240u);
  EXPECT_EQ(decide_width("241", 0), 240u);
  EXPECT_EQ(decide_width("99999999999999999999999", 0), 240u);  // past 2^64
  EXPECT_EQ(decide_width("", 20), 40u);
  EXPECT_EQ(decide_width("", 500), 240u);
}

TEST(DecideColor, AutoColoursATerminalOnly) {
  EXPECT_TRUE(decide_color(ColorMode::automatic, true, "", "xterm-256color"));
  EXPECT_FALSE(decide_color(ColorMode::automatic, false, "", "xterm-256color"));
}

TEST(DecideColor, AutoHonoursNoColorAndADumbTerminal) {
  EXPECT_FALSE(decide_color(ColorMode::automatic, true, "1", "xterm"));
  EXPECT_FALSE(decide_color(ColorMode::automatic, true, "0", "xterm"));  // any non-empty value
  EXPECT_FALSE(decide_color(ColorMode::automatic, true, "", "dumb"));
}

TEST(DecideColor, AlwaysAndNeverOverrideEverything) {
  EXPECT_TRUE(decide_color(ColorMode::always, false, "1", "dumb"));
  EXPECT_FALSE(decide_color(ColorMode::never, true, "", "xterm"));
}

}  // namespace
}  // namespace gcsim::cli
