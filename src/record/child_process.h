// Starting and waiting for the programs a recording runs: make (to build MicroPython) and the
// recorder build itself. A child that cannot be started (no such program) is reported by the
// parent as an error, not as an exit status.
#pragma once

#include <sys/types.h>
#include <optional>
#include <string>
#include <vector>

namespace gcsim {

struct ChildSpec {
  std::vector<std::string> argv;                // argv[0]: a path, or a name looked up in PATH
  std::optional<std::vector<std::string>> env;  // "NAME=value"; nothing: inherit ours
  std::string cwd;                              // empty: ours
  int stdout_fd = -1;                           // -1: inherit
  int stderr_fd = -1;
  int fd3 = -1;          // given to the child as its file descriptor 3 (-1: none)
  bool no_aslr = false;  // address-space randomisation off, as `setarch -R` does
};

struct ChildExit {
  int status = 0;  // the exit status, when signal is 0
  int signal = 0;  // the signal that ended it, or 0
  bool ok() const { return signal == 0 && status == 0; }
};

// Starts the child. Throws std::runtime_error if it cannot be started (argv[0] not found …).
pid_t start_child(const ChildSpec& spec);
ChildExit wait_child(pid_t pid);
// Starts, waits, returns how it ended.
ChildExit run_child(const ChildSpec& spec);

// Whether `name` is an executable in PATH (or, with a '/', at that path).
bool program_exists(const std::string& name);

}  // namespace gcsim
