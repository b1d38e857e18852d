// User input as an error message quotes it: in single quotes, at most kMaxQuotedBytes of it
// (never inside a UTF-8 character, "…" after a cut), control characters as escapes (\n, \t,
// \x1b). A flag value or a file's key may be megabytes long or hold a terminal's ESC; every
// message that quotes one goes through here, so the rule is this one function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gcsim {

inline constexpr std::size_t kMaxQuotedBytes = 100;

std::string quote(std::string_view text);

}  // namespace gcsim
