// The terminal stdout goes to: how wide gcsim's text may be and whether it may be coloured.
//
// Width, the first that holds: COLUMNS when it is a whole number above 0 (so a user or a test
// sets it); the terminal's own width when stdout is one (TIOCGWINSZ); else 80. Then clamped to
// kMinWidth..kMaxWidth: below 40 no table reads, above 240 a chart is mostly air.
//
// Colour: --color=always, or --color=auto (the default) with stdout a terminal, NO_COLOR unset
// or empty (no-color.org) and TERM not "dumb"; --color=never never. Only stdout's text is ever
// coloured: files (--json, --csv, -o ...) never are. Stderr's errors and warnings are by the same
// rules, but only when stderr is itself a terminal (--color=always does not colour a log file).
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "text/terminal_style.h"

namespace gcsim::cli {

constexpr std::size_t kMinWidth = 40, kMaxWidth = 240, kDefaultWidth = 80;

// `columns` is $COLUMNS ("" when unset); `tty_columns` the terminal's width, 0 when stdout is not
// a terminal (or it does not say).
std::size_t decide_width(std::string_view columns, std::size_t tty_columns);

enum class ColorMode { automatic, always, never };
bool decide_color(ColorMode mode, bool stdout_is_tty, std::string_view no_color,
                  std::string_view term);

// --color=auto|always|never on the command; its value lands in `mode`.
void add_color_option(CLI::App& cmd, ColorMode& mode);

// The width stdout's text may take, from COLUMNS and stdout (for text that is never coloured:
// --help, geometry, the one-line summaries).
std::size_t stdout_width();

// The style for stdout, from the process's environment and stdout.
TerminalStyle stdout_style(ColorMode mode);

// The style for stderr when it is a terminal; width 0 (fold nothing) and no colour when it is
// not, so a message in a pipe or a log stays one line.
TerminalStyle stderr_style(ColorMode mode);

// The --color given to the command that ran (automatic when none was, or it was not valid).
ColorMode given_color(const CLI::App& app);

}  // namespace gcsim::cli
