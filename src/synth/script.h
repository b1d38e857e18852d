// Script: what a workload generator works with — the trace builder, the seeded random source,
// the interpreter's runtime state, the main script's variables — and its steps: boot and run
// main.py's module level, then one `mark` per frame of its loop.
#pragma once

#include <cstdint>

#include "synth/compile_model.h"
#include "synth/runtime.h"
#include "synth/synth_random.h"
#include "synth/trace_builder.h"
#include "synth/variables.h"

namespace gcsim::synth {

class Script {
 public:
  // Boots the interpreter (mp_init's allocations).
  Script(TraceBuilder& builder, std::uint64_t seed)
      : builder_(builder), random_(seed), runtime_(builder), variables_(builder) {}

  // Compiles and runs main.py's module level; its function object stays held (the script is
  // running) for the rest of the trace.
  void run_main_module(const SourceShape& shape) {
    main_function_ = run_main(builder_, random_, runtime_, shape);
  }
  // `mark "frame N"`: the start of one pass of the script's loop.
  void frame(std::uint32_t n);

  TraceBuilder& builder() { return builder_; }
  SynthRandom& random() { return random_; }
  Runtime& runtime() { return runtime_; }
  // main.py's globals: binding a name holds its object, rebinding drops the old one.
  Variables& variables() { return variables_; }

 private:
  TraceBuilder& builder_;
  SynthRandom random_;
  Runtime runtime_;
  Variables variables_;
  ObjectId main_function_;
};

}  // namespace gcsim::synth
