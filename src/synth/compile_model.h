// Compiling and running a .py source on MicroPython v1.11 (64-bit), at the level of gc_alloc:
// the shapes below follow the real v1.11 debug log of a script's compile (tests/oracle/mpy-logs,
// e_list_growth: lines 20–330).
//
//   lexer      reader 48, lexer 160, indent stack 20, token vstr 32          freed after parse
//   parser     rule stack 1024, result stack 256                              freed after parse
//              parse-tree chunks: 16 + 128 bytes, grown in place node by node; a chunk is
//              shrunk to its use and a new one started once something else was allocated
//              after it (m_renew_maybe without move fails)                   freed after compile
//              new identifiers → qstrs (runtime.h); literals over 10 characters → str
//              constants, float literals → float constants                    kept
//   compiler   per scope: scope 72, raw code 32, id table 64 (4 ids, +6 ids = +96 bytes when
//              full); one emitter 112 and label table 160                     scope, ids,
//                                                                             emitter freed
//              per scope: bytecode (code info + opcodes), constant table 8·n  kept
//   run        the module's function object 32; each `def` a function object stored in the
//              module's globals dict (which grows by rehash)
//
// The program holds every part until the module has run, then drops what is only reached
// through other objects (trace_builder.h).
#pragma once

#include <cstdint>

#include "synth/py_objects.h"
#include "synth/runtime.h"
#include "synth/synth_random.h"
#include "synth/trace_builder.h"

namespace gcsim::synth {

// What a source file holds, as the compiler sees it.
struct SourceShape {
  std::uint32_t module_lines = 10;  // statements at module level
  std::uint32_t functions = 0;      // `def`s at module level, 3–15 lines each
  std::uint32_t new_names = 10;     // identifiers that are not qstrs yet
  std::uint32_t long_strings = 0;   // string literals over 10 characters
  std::uint32_t floats = 0;         // float literals
  std::uint32_t globals = 5;        // names stored at module level besides the defs
};

// Compiles and runs the module level of __main__ (boot.py or main.py): the defs and globals go
// into __main__'s globals table. Returns the module function, which the caller holds while the
// script runs (its loop is the workload's frames).
ObjectId run_main(TraceBuilder& b, SynthRandom& rng, Runtime& rt, const SourceShape& shape);

// `import NAME` of a .py module: its sys.modules entry, module object (16) and globals dict
// (32 + 1 slot, then __name__ and __file__), compile, run; the module stays loaded. The
// importing script's own globals table gets the name.
void import_module(TraceBuilder& b, SynthRandom& rng, Runtime& rt, const SourceShape& shape);

}  // namespace gcsim::synth
