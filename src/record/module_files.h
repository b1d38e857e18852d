// The recorder's MicroPython C modules (src/record/micropython/: one folder per module, each
// with its micropython.mk), compiled into gcsim by the build so that `gcsim record` can write
// them out beside a MicroPython tree and build it with USER_C_MODULES, wherever gcsim runs.
#pragma once

#include <span>
#include <string_view>

namespace gcsim {

struct EmbeddedFile {
  std::string_view path;  // relative to src/record/micropython/, e.g. "gcsim_record/hooks.c"
  std::string_view content;
};

std::span<const EmbeddedFile> recorder_module_files();

}  // namespace gcsim
