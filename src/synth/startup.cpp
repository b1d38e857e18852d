// startup: a MaixPy board booting and setting up a project: frame 0 runs boot.py (a short
// script: a few imports and assignments), each next frame imports one of the project's .py
// modules, the way main.py pulls in its drivers and helpers:
//
//   import board_cfg, drivers, ui, …             # one per frame
//
// A module has 20–80 module-level lines, 2–8 defs, 10–40 new names (qstrs), 0–4 long string
// literals and 0–6 float literals. Importing it allocates its sys.modules entry, its module
// object (16) and globals dict, the compile's temporaries (lexer, parser stacks, parse-tree
// chunks, scopes: freed explicitly once compiled; compile_model.h) and what stays: qstrs,
// bytecode, constant tables and constants, function objects in the module's globals dict.
#include "synth/workloads.h"

namespace gcsim::synth {

void generate_startup(Script& s, std::uint32_t frames) {
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    if (f == 0) {
      s.run_main_module({.module_lines = 12, .new_names = 6, .globals = 6});
      continue;
    }
    SourceShape module;
    module.module_lines = static_cast<std::uint32_t>(s.random().between(20, 80));
    module.functions = static_cast<std::uint32_t>(s.random().between(2, 8));
    module.new_names = static_cast<std::uint32_t>(s.random().between(10, 40));
    module.long_strings = static_cast<std::uint32_t>(s.random().between(0, 4));
    module.floats = static_cast<std::uint32_t>(s.random().between(0, 6));
    module.globals = static_cast<std::uint32_t>(s.random().between(2, 10));
    import_module(s.builder(), s.random(), s.runtime(), module);
  }
}

}  // namespace gcsim::synth
