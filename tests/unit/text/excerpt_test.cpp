#include "text/excerpt.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(Excerpt, ShortTextIsKeptWhole) {
  EXPECT_EQ(excerpt("frame 1", 7), "frame 1");
  EXPECT_EQ(excerpt("", 0), "");
}

TEST(Excerpt, LongTextIsCutWithAnEllipsis) {
  EXPECT_EQ(excerpt("abcdefgh", 3), "abc…");
  EXPECT_EQ(excerpt(std::string(1000, 'x')), std::string(200, 'x') + "…");
}

TEST(Excerpt, TheCutNeverSplitsACharacter) {
  // "é" is two bytes (C3 A9), "€" three (E2 82 AC): a cut inside one backs off to its start.
  EXPECT_EQ(excerpt("aé", 2), "a…");
  EXPECT_EQ(excerpt("a€b", 2), "a…");
  EXPECT_EQ(excerpt("a€b", 3), "a…");
  EXPECT_EQ(excerpt("a€b", 4), "a€…");
}

}  // namespace
}  // namespace gcsim
