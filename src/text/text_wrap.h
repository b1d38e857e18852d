// Prose lines folded at word boundaries to fit a terminal's width. The line's own leading spaces
// stay on its first line; the lines it continues on start with `hang` spaces:
//
//   wrap_text("  recommended  threshold=off heap=8192: no setting is safe; ...", 40, 15)
//     "  recommended  threshold=off heap=8192:\n"
//     "               no setting is safe; ...\n"
//
// A word longer than the width is left whole (a path is not broken). Escapes take no columns
// (visible_width).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gcsim {

// The text as lines of at most `width` columns, each ending in '\n'.
std::string wrap_text(std::string_view text, std::size_t width, std::size_t hang);

// Each word longer than `max_columns` split after its last '/' within them, so wrap_text can fold
// a name such as @scope/package there; a word without one stays whole.
std::string split_long_words(std::string_view text, std::size_t max_columns);

}  // namespace gcsim
