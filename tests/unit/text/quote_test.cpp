#include "text/quote.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(Quote, ShortTextIsQuotedWhole) {
  EXPECT_EQ(quote("4K"), "'4K'");
  EXPECT_EQ(quote(""), "''");
  EXPECT_EQ(quote(std::string(100, 'x')), "'" + std::string(100, 'x') + "'");
}

TEST(Quote, LongTextIsCutToTheFirst100Bytes) {
  const std::string shown = quote(std::string(10'000, 'x'));
  EXPECT_EQ(shown, "'" + std::string(100, 'x') + "…'");
  EXPECT_EQ(shown.size(), 105u);  // the quotes, 100 bytes and the 3-byte ellipsis
  EXPECT_EQ(quote(std::string(101, 'x')), "'" + std::string(100, 'x') + "…'");
}

TEST(Quote, TheCutNeverSplitsACharacter) {
  // "€" is three bytes (E2 82 AC): 99 bytes and a "€" would end at byte 102, so it is left out.
  EXPECT_EQ(quote(std::string(99, 'x') + "€"), "'" + std::string(99, 'x') + "…'");
  EXPECT_EQ(quote(std::string(97, 'x') + "€"), "'" + std::string(97, 'x') + "€'");
  EXPECT_EQ(quote(std::string(97, 'x') + "€y"), "'" + std::string(97, 'x') + "€…'");
}

TEST(Quote, ControlCharactersAreEscaped) {
  EXPECT_EQ(quote("a\nb\tc\rd"), "'a\\nb\\tc\\rd'");
  EXPECT_EQ(quote("\x1b[2J"), "'\\x1b[2J'");
  EXPECT_EQ(quote(std::string_view("a\0b\x7f", 4)), "'a\\x00b\\x7f'");
}

TEST(Quote, EscapesCountTowardTheLimitAndAreNeverSplit) {
  // 40 ESCs are 160 bytes escaped: 25 fit (100 bytes), the rest is cut.
  std::string expected = "'";
  for (int i = 0; i < 25; ++i) expected += "\\x1b";
  EXPECT_EQ(quote(std::string(40, '\x1b')), expected + "…'");
  // 98 bytes and a 4-byte escape: the escape does not fit, and is not cut in two.
  EXPECT_EQ(quote(std::string(98, 'x') + "\x1b"), "'" + std::string(98, 'x') + "…'");
}

}  // namespace
}  // namespace gcsim
