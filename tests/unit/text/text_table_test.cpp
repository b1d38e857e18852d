// TextTable (text/text_table.h): columns sized to their content under two-line headers, the
// highest drop rank dropped first and named, rows stacked when the rank-0 columns do not fit,
// and colour that takes no width.
#include "text/text_table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gcsim {
namespace {

TextTable sample() {
  TextTable table({{"event"},
                   {"cause", Align::left},
                   {"objects\nfreed", Align::right, 2},
                   {"largest free\nbefore -> after", Align::right, 1}});
  table.add_row({"9", "explicit", "3", "800 -> 1,024"});
  table.add_row({"21", "threshold", "12", "1,024 -> 3,904"});
  return table;
}

std::string printed(const TextTable& table, TerminalStyle style) {
  std::ostringstream out;
  table.print(out, style, "the file has them");
  return out.str();
}

TEST(TextTable, EveryColumnWhenItFits) {
  EXPECT_EQ(printed(sample(), {.width = 60}),
            "                    objects     largest free\n"
            "  event  cause        freed  before -> after\n"
            "      9  explicit         3     800 -> 1,024\n"
            "     21  threshold       12   1,024 -> 3,904\n");
}

TEST(TextTable, TheHighestDropRankGoesFirstAndIsNamed) {
  EXPECT_EQ(printed(sample(), {.width = 43}),
            "                       largest free\n"
            "  event  cause      before -> after\n"
            "      9  explicit      800 -> 1,024\n"
            "     21  threshold   1,024 -> 3,904\n"
            "  (not shown at 43 columns: objects freed;\n"
            "   the file has them)\n");
}

TEST(TextTable, RowsStackWhenTheKeptColumnsDoNotFit) {
  TextTable table({{"event"}, {"cause", Align::left}, {"mem_alloc\nbefore -> after"}});
  table.add_row({"9", "explicit", "3,168,000 -> 96,000,000"});
  EXPECT_EQ(printed(table, {.width = 40}),
            "  event 9\n"
            "    cause                      explicit\n"
            "    mem_alloc before -> after  3,168,000 -> 96,000,000\n");
}

TEST(TextTable, ColourTakesNoWidth) {
  TextTable table({{"n"}, {"class", Align::left}});
  const TerminalStyle style{.width = 80, .color = true};
  table.add_row({paint(style, Color::red, "3"), "capacity"});
  table.add_row({"12", "fragmentation"});
  EXPECT_EQ(printed(table, style),
            "   n  class\n"
            "   \x1b[31m3\x1b[0m  capacity\n"
            "  12  fragmentation\n");
}

}  // namespace
}  // namespace gcsim
