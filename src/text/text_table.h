// A table for the terminal that fits its width. A column is as wide as its widest cell or header
// line (a header may have several lines, split at '\n'), with two spaces between columns. While
// the table is wider than the width, the column with the highest drop rank goes (rank 0 never
// does), and a note under the table names what went; if the rank-0 columns alone do not fit,
// each row is stacked instead: its first `stack_key` cells on one line, then a line per column.
//
//   at 43 columns:
//                           largest free
//     event  cause      before -> after
//         9  explicit      800 -> 1,024
//        21  threshold   1,024 -> 3,904
//     (not shown at 43 columns: objects freed;
//      --collections FILE has them)
//
//   stacked (at 40 columns, a wider mem_alloc column that is never dropped):
//     event 9
//       cause                      explicit
//       mem_alloc before -> after  3,168,000 -> 96,000,000
//
// Cells may carry colour (paint()): widths count only what shows.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "text/terminal_style.h"

namespace gcsim {

enum class Align { left, right };

struct TableColumn {
  std::string header;  // its lines separated by '\n'; "" for none
  Align align = Align::right;
  int drop_rank = 0;  // 0: always shown; of the others, the highest goes first
};

class TextTable {
 public:
  explicit TextTable(std::vector<TableColumn> columns, std::size_t indent = 2,
                     std::size_t stack_key = 1);
  void add_row(std::vector<std::string> cells);  // one per column
  // `hidden_hint` ends the note on dropped columns: where the reader finds them.
  void print(std::ostream& out, const TerminalStyle& style, std::string_view hidden_hint) const;

 private:
  std::vector<std::size_t> visible_columns(std::size_t width) const;
  void print_rows(std::ostream& out, const std::vector<std::size_t>& shown) const;
  void print_stacked(std::ostream& out) const;

  std::vector<TableColumn> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> widths_;  // per column: its widest cell or header line
  std::size_t indent_, stack_key_;
};

}  // namespace gcsim
