// The MicroPython source tree a recording is built from: named by --micropython DIR or the
// GCSIM_MICROPYTHON environment variable, and checked to be v1.11 (the K210's core), whose
// unix port and py/gc.c the recorder is written against.
#pragma once

#include <optional>
#include <string>

namespace gcsim {

inline constexpr const char* kMicroPythonCloneHint =
    "git clone --branch v1.11 https://github.com/micropython/micropython";

struct MicroPythonTree {
  std::string root;  // absolute
  int major = 0, minor = 0, micro = 0;
};

// The tree at `flag`, else at $GCSIM_MICROPYTHON. Throws std::runtime_error naming what is
// missing (no folder given, no py/gc.c or ports/unix there, another version) and how to get one.
MicroPythonTree find_micropython_tree(const std::optional<std::string>& flag);

}  // namespace gcsim
