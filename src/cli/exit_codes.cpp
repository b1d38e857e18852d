#include "cli/exit_codes.h"

#include <fmt/format.h>
#include <new>
#include <stdexcept>

namespace gcsim::cli {

Failure failure_of(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::invalid_argument& e) {  // a std::logic_error, but thrown for bad input
    return {kExitBadInput, fmt::format("gcsim: {}", e.what())};
  } catch (const std::runtime_error& e) {
    return {kExitBadInput, fmt::format("gcsim: {}", e.what())};
  } catch (const std::bad_alloc&) {
    return {kExitInternal, "gcsim: internal error: out of memory"};
  } catch (const std::exception& e) {
    return {kExitInternal, fmt::format("gcsim: internal error: {}", e.what())};
  } catch (...) {
    return {kExitInternal, "gcsim: internal error: an unknown exception"};
  }
}

}  // namespace gcsim::cli
