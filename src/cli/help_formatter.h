// --help laid out for the terminal's width: CLI11's content (usage, descriptions, option names,
// defaults, subcommands), with each description folded under its own column. At 60 columns and
// more a description sits beside its name, in a column kColumn wide, or below it when the name
// fills the column; narrower, every description goes below its name, indented kNarrowIndent:
//
//   -o,--output TEXT REQUIRED   the HTML file to write     (80 columns)
//
//   -o,--output TEXT REQUIRED                               (40 columns)
//         the HTML file to write
//
// Set on the app before its subcommands are added, so they inherit it.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

namespace gcsim::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  static constexpr std::size_t kColumn = 30, kNarrowBelow = 60, kNarrowIndent = 6;
  static constexpr std::size_t kNameHang = 4;  // a name or usage line too long for one line

  explicit HelpFormatter(std::size_t width);

  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_footer(const CLI::App* app) const override;

 private:
  // "  NAME  DESCRIPTION" as lines of at most width_ columns.
  std::string entry(const std::string& name, const std::string& description) const;
  // Each line of `text` folded to width_, its continuations indented `hang`.
  std::string fold(const std::string& text, std::size_t hang) const;

  std::size_t width_;
};

}  // namespace gcsim::cli
