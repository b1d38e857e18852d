// The MicroPython that `gcsim record` runs: the unix port of the user's v1.11 tree with the
// recorder's C modules compiled in (module_files.h), built once and kept in the cache
// ($XDG_CACHE_HOME/gcsim, else ~/.cache/gcsim) under a key made of everything the build reads:
// the tree's sources, the modules and the build settings. A changed tree or a new gcsim gets a
// new build; the user's tree is never written to (the build runs on a copy).
//
// Build settings beside the port's defaults: no ffi, btree or ussl (their library submodules
// are not in a plain clone) and no threads (a liveness pass runs on the one thread there is).
#pragma once

#include <ostream>
#include <string>

#include "record/micropython_tree.h"

namespace gcsim {

struct RecorderBuild {
  std::string binary;
  bool built_now = false;
  double seconds = 0;  // building, if built now
};

// The cache folder: $XDG_CACHE_HOME/gcsim, else $HOME/.cache/gcsim. Throws if neither is set.
std::string gcsim_cache_dir();

// The recorder build of `tree`, building it if the cache has none. Progress lines go to
// `status`. Throws std::runtime_error (naming the log) if the build fails or cannot start.
RecorderBuild ensure_recorder_build(const MicroPythonTree& tree, std::ostream& status);

}  // namespace gcsim
