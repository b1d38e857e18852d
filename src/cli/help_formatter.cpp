#include "cli/help_formatter.h"

#include <algorithm>

#include "text/terminal_style.h"
#include "text/text_wrap.h"

namespace gcsim::cli {
namespace {

std::string trim_newline(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

HelpFormatter::HelpFormatter(std::size_t width) : width_(width) {
  column_width(width < kNarrowBelow ? kNarrowIndent : kColumn);
}

std::string HelpFormatter::fold(const std::string& text, std::size_t hang) const {
  std::string out;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t end = std::min(text.find('\n', from), text.size());
    const std::string line = text.substr(from, end - from);
    out += line.find_first_not_of(' ') == std::string::npos ? "\n" : wrap_text(line, width_, hang);
    from = end + 1;
  }
  return out;
}

std::string HelpFormatter::entry(const std::string& name, const std::string& description) const {
  const std::string lead = "  " + name;
  if (description.empty()) return fold(lead, kNameHang);
  const std::size_t column = get_column_width();
  // Beside the name when the name leaves a space before the column; else on the lines below.
  const bool beside = width_ >= kNarrowBelow && visible_width(lead) < column;
  std::string text =
      beside ? lead + std::string(column - visible_width(lead), ' ') : std::string(column, ' ');
  for (const char c : description) {
    text += c;
    if (c == '\n') text.append(column, ' ');
  }
  return (beside ? std::string() : fold(lead, kNameHang)) + fold(text, column);
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  return entry(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return entry(sub->get_display_name(true), sub->get_description());
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string description = CLI::Formatter::make_description(app);
  return description.empty() ? description : fold(trim_newline(description), 0);
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
  return fold(trim_newline(CLI::Formatter::make_usage(app, std::move(name))), kNameHang);
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  const std::string footer = CLI::Formatter::make_footer(app);
  return footer.empty() ? footer : fold(trim_newline(footer), 0);
}

}  // namespace gcsim::cli
