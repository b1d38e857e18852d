#include "cli/exit_codes.h"

#include <fmt/format.h>
#include <new>
#include <stdexcept>
#include <string_view>

#include "text/excerpt.h"

namespace gcsim::cli {
namespace {

// The error as one short line, whatever it quotes: at most kMaxErrorBytes (never inside a UTF-8
// character), control characters (a newline, a terminal's ESC) shown as '?'. Each reader quotes
// at most ~100 bytes of its input; this keeps any other message (a path from a file, a
// library's what()) to one line a terminal shows whole.
constexpr std::size_t kMaxErrorBytes = 1000;

std::string one_line(std::string_view what) {
  std::string out = excerpt(what, kMaxErrorBytes);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace

Failure failure_of(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::invalid_argument& e) {  // a std::logic_error, but thrown for bad input
    return {kExitBadInput, fmt::format("gcsim: {}", one_line(e.what()))};
  } catch (const std::runtime_error& e) {
    return {kExitBadInput, fmt::format("gcsim: {}", one_line(e.what()))};
  } catch (const std::bad_alloc&) {
    return {kExitInternal, "gcsim: internal error: out of memory"};
  } catch (const std::exception& e) {
    return {kExitInternal, fmt::format("gcsim: internal error: {}", one_line(e.what()))};
  } catch (...) {
    return {kExitInternal, "gcsim: internal error: an unknown exception"};
  }
}

}  // namespace gcsim::cli
