// Errors and warnings on stderr, one message each: "gcsim: WHAT" and "gcsim: warning: WHAT". On
// a terminal with colour on (cli/terminal.h: --color, NO_COLOR, TERM) the "gcsim:" of an error
// is bold red and a warning's "warning:" yellow, and a message folds at the terminal's width,
// its continuations indented 2; in a pipe or a file it is one plain line.
#pragma once

#include <string_view>

#include "cli/terminal.h"

namespace gcsim::cli {

// `message` is the whole line, "gcsim: …" (as exit_codes.h's Failure holds it).
void print_error(ColorMode mode, std::string_view message);

void print_warning(ColorMode mode, std::string_view what);

}  // namespace gcsim::cli
