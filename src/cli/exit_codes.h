// gcsim's exit codes, the same for every command, and how an exception that ended a command
// becomes one: a typed input error (a trace, a file, a setting, a flag) is bad input, exit 2;
// anything else — a broken invariant (std::logic_error), running out of memory, an exception
// nothing expected — is gcsim's own fault, exit 3, never called bad input.
#pragma once

#include <exception>
#include <string>

namespace gcsim::cli {

inline constexpr int kExitOk = 0;          // done (a replay whose allocations fail is done too)
inline constexpr int kExitRegression = 1;  // sweep gate: a regression or a budget breach
inline constexpr int kExitBadInput = 2;    // bad flags, missing or broken files, bad settings
inline constexpr int kExitInternal = 3;    // a bug in gcsim (or no memory left)

struct Failure {
  int exit_code;
  std::string message;  // one line for stderr: "gcsim: …"
};

// What to print and return for `error`:
//   std::invalid_argument (settings that make no heap, bad values), std::runtime_error
//   (TraceError, files that cannot be read or written, bad configs)       → 2, "gcsim: WHAT"
//   std::bad_alloc                         → 3, "gcsim: internal error: out of memory"
//   any other exception (std::logic_error, …) → 3, "gcsim: internal error: WHAT"
Failure failure_of(std::exception_ptr error);

}  // namespace gcsim::cli
