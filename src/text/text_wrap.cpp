#include "text/text_wrap.h"

#include <algorithm>

#include "text/terminal_style.h"

namespace gcsim {

std::string wrap_text(std::string_view text, std::size_t width, std::size_t hang) {
  const std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
  std::string out(text.substr(0, lead));
  std::size_t column = lead;
  bool line_empty = true;  // no word on the line yet
  std::size_t from = lead;
  while (from <= text.size()) {
    const std::size_t space = std::min(text.find(' ', from), text.size());
    const std::string_view word = text.substr(from, space - from);
    const std::size_t word_columns = visible_width(word);
    if (!line_empty && column + 1 + word_columns > width) {
      out.erase(out.find_last_not_of(' ') + 1);  // a space kept for a word that did not fit
      out += '\n';
      out.append(hang, ' ');
      column = hang;
      line_empty = true;
    }
    if (word.empty() && line_empty) {  // spaces at a fold go with it
      from = space + 1;
      continue;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word_columns;
    line_empty = false;
    from = space + 1;
  }
  out += '\n';
  return out;
}

std::string split_long_words(std::string_view text, std::size_t max_columns) {
  std::string out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t space = std::min(text.find(' ', from), text.size());
    std::string_view word = text.substr(from, space - from);
    while (visible_width(word) > max_columns) {
      const std::size_t slash = word.substr(0, max_columns).rfind('/');
      if (slash == std::string_view::npos) break;
      out.append(word.substr(0, slash + 1)) += ' ';
      word.remove_prefix(slash + 1);
    }
    out += word;
    if (space < text.size()) out += ' ';
    from = space + 1;
  }
  return out;
}

}  // namespace gcsim
