// svg_heap_tiles: one cell per block, runs of equal cells in a row merged into one <rect>,
// free blocks left to the background, the last row's cells past the pool's end blanked, and
// allocations coloured by their object's age.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/svg/heap_tiles.h"
#include "report/svg/palette.h"
#include "text_checks.h"

namespace gcsim {
namespace {

HeapSnapshot snapshot(std::string letters, std::uint64_t event, std::uint64_t born) {
  HeapSnapshot s;
  s.event = event;
  s.born_event.assign(letters.size(), kNoEvent);
  for (std::size_t b = 0; b < letters.size(); ++b) {
    if (letters[b] != '.') s.born_event[b] = born;
  }
  s.letters = std::move(letters);
  return s;
}

std::string tiles(const HeapSnapshot& s) {
  std::ostringstream out;
  write_heap_tiles(out, s, 32, "t");
  return out.str();
}

TEST(HeapTiles, RunsOfEqualCellsAreOneRect) {
  // 80 blocks: 64 a row, two rows. Row 0: head, 9 tails, free; row 1: 16 free, 48 blanked.
  const std::string letters = std::string("h") + std::string(9, '=') + std::string(70, '.');
  const std::string svg = tiles(snapshot(letters, 0, 0));
  EXPECT_NE(svg.find("viewBox=\"0 0 64 2\""), std::string::npos);
  EXPECT_EQ(test::occurrences(svg, "<rect"), 4u);  // background, head, tails, past the end
  EXPECT_EQ(test::occurrences(svg, "class=\"tile-beyond\" x=\"16\" y=\"1\" width=\"48\""), 1u);
  EXPECT_NE(svg.find("x=\"1\" y=\"0\" width=\"9\" height=\"1\""), std::string::npos);
}

TEST(HeapTiles, ColourByAge) {
  // Born at event 0, seen after event 1,000: the oldest class. Born at 999: the newest.
  const std::string letters = std::string("h=") + std::string(62, '.');
  const std::string old_svg = tiles(snapshot(letters, 1000, 0));
  EXPECT_NE(old_svg.find(std::string(palette::kAges[4].head)), std::string::npos);
  EXPECT_NE(old_svg.find(std::string(palette::kAges[4].tail)), std::string::npos);
  const std::string new_svg = tiles(snapshot(letters, 1000, 999));
  EXPECT_NE(new_svg.find(std::string(palette::kAges[0].head)), std::string::npos);
}

TEST(HeapTiles, LargeHeapsUseWiderRows) {
  const std::string svg = tiles(snapshot(std::string(16192, '.'), 0, 0));
  EXPECT_NE(svg.find("viewBox=\"0 0 128 127\""), std::string::npos);
  EXPECT_EQ(test::occurrences(svg, "<rect"),
            2u);  // background, and 64 blanked cells on the last row
}

}  // namespace
}  // namespace gcsim
