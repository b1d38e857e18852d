#include "text/text_table.h"

#include <fmt/format.h>
#include <algorithm>

#include "text/text_wrap.h"

namespace gcsim {
namespace {

std::vector<std::string_view> header_lines(std::string_view header) {
  std::vector<std::string_view> lines;
  if (header.empty()) return lines;
  std::size_t from = 0;
  while (true) {
    const std::size_t end = header.find('\n', from);
    lines.push_back(header.substr(from, end - from));
    if (end == std::string_view::npos) return lines;
    from = end + 1;
  }
}

// "mem_alloc\nbefore->after" → "mem_alloc before->after", for a note or a stacked line.
std::string flat(std::string_view header) {
  std::string text(header);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

void append_padded(std::string& line, std::string_view text, std::size_t width, Align align) {
  const std::size_t pad = width - std::min(width, visible_width(text));
  if (align == Align::right) line.append(pad, ' ');
  line += text;
  if (align == Align::left) line.append(pad, ' ');
}

void print_line(std::ostream& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

}  // namespace

TextTable::TextTable(std::vector<TableColumn> columns, std::size_t indent, std::size_t stack_key)
    : columns_(std::move(columns)), indent_(indent), stack_key_(stack_key) {
  for (const TableColumn& c : columns_) {
    std::size_t width = 0;
    for (std::string_view line : header_lines(c.header)) width = std::max(width, line.size());
    widths_.push_back(width);
  }
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    widths_[i] = std::max(widths_[i], visible_width(cells[i]));
  }
  rows_.push_back(std::move(cells));
}

std::vector<std::size_t> TextTable::visible_columns(std::size_t width) const {
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < columns_.size(); ++i) shown.push_back(i);
  auto total = [&] {
    std::size_t n = indent_ + 2 * (shown.size() - 1);
    for (std::size_t i : shown) n += widths_[i];
    return n;
  };
  while (total() > width) {
    // The highest rank goes first; of equal ranks, the rightmost.
    auto drop = shown.end();
    for (auto it = shown.begin(); it != shown.end(); ++it) {
      const int rank = columns_[*it].drop_rank;
      if (rank > 0 && (drop == shown.end() || rank >= columns_[*drop].drop_rank)) drop = it;
    }
    if (drop == shown.end()) return {};
    shown.erase(drop);
  }
  return shown;
}

void TextTable::print(std::ostream& out, const TerminalStyle& style,
                      std::string_view hidden_hint) const {
  const std::vector<std::size_t> shown = visible_columns(style.width);
  if (shown.empty()) {
    print_stacked(out);
    return;
  }
  print_rows(out, shown);
  std::string hidden;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (std::find(shown.begin(), shown.end(), i) != shown.end()) continue;
    hidden += (hidden.empty() ? "" : ", ") + flat(columns_[i].header);
  }
  if (hidden.empty()) return;
  out << wrap_text(fmt::format("{:{}}(not shown at {} columns: {}; {})", "", indent_, style.width,
                               hidden, hidden_hint),
                   style.width, indent_ + 1);
}

void TextTable::print_rows(std::ostream& out, const std::vector<std::size_t>& shown) const {
  std::size_t header_height = 0;
  for (std::size_t i : shown) {
    header_height = std::max(header_height, header_lines(columns_[i].header).size());
  }
  // Header lines sit at the bottom of their column's header block.
  for (std::size_t line = 0; line < header_height; ++line) {
    std::string text(indent_, ' ');
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const TableColumn& c = columns_[shown[k]];
      const std::vector<std::string_view> lines = header_lines(c.header);
      const std::size_t skip = header_height - lines.size();
      if (k > 0) text += "  ";
      append_padded(text, line < skip ? "" : lines[line - skip], widths_[shown[k]], c.align);
    }
    print_line(out, text);
  }
  for (const std::vector<std::string>& row : rows_) {
    std::string text(indent_, ' ');
    for (std::size_t k = 0; k < shown.size(); ++k) {
      if (k > 0) text += "  ";
      append_padded(text, row[shown[k]], widths_[shown[k]], columns_[shown[k]].align);
    }
    print_line(out, text);
  }
}

void TextTable::print_stacked(std::ostream& out) const {
  std::size_t header_width = 0;
  for (std::size_t i = stack_key_; i < columns_.size(); ++i) {
    header_width = std::max(header_width, flat(columns_[i].header).size());
  }
  for (const std::vector<std::string>& row : rows_) {
    std::string key(indent_, ' ');
    bool first = true;
    for (std::size_t i = 0; i < stack_key_ && i < row.size(); ++i) {
      if (row[i].empty()) continue;
      const std::string header = flat(columns_[i].header);
      key += (first ? "" : "  ") + (header.empty() ? row[i] : header + " " + row[i]);
      first = false;
    }
    print_line(out, key);
    for (std::size_t i = stack_key_; i < row.size(); ++i) {
      if (row[i].empty()) continue;
      std::string text(indent_ + 2, ' ');
      append_padded(text, flat(columns_[i].header), header_width, Align::left);
      print_line(out, text + "  " + row[i]);
    }
  }
}

}  // namespace gcsim
