// Runtime: the interpreter's own heap state, alive for the whole run (MicroPython v1.11,
// 64-bit): what mp_init allocates, the qstr chunks and pools, the __main__ globals table,
// sys.modules' table and the globals of every imported module. All of it is held (the VM
// state's root pointers) and never dropped.
//
// qstrs (py/qstr.c): a new string of len bytes takes len + 4 bytes (2-byte hash, 1-byte
// length, the bytes, '\0') in the current chunk (128 bytes or the string, whichever is
// larger); a chunk that is full is shrunk to its use and a new one started, unless it was the
// last allocation (then gc_realloc grows it in place). Each qstr also takes a pool entry: the
// first dynamic pool has 20 entries (twice the ROM pool's alloc of 10), each next one twice
// the last, at 32 + 8·entries bytes.
#pragma once

#include <cstdint>
#include <vector>

#include "synth/py_objects.h"
#include "synth/trace_builder.h"

namespace gcsim::synth {

class Runtime {
 public:
  // mp_init: sys.modules (3 slots), __main__'s globals (1 slot, holding __name__), the item
  // arrays of sys.path and sys.argv.
  explicit Runtime(TraceBuilder& b);

  // qstr_from_strn of a string that is not a qstr yet.
  void intern(std::uint64_t len);
  // STORE_NAME of a new name in __main__ (the value, if an object, is held by the table).
  void add_main_global(ObjectId value = {});
  // sys.modules[name] = module.
  void add_loaded_module(ObjectId module);
  // Keeps an imported module's globals for the rest of the run.
  void keep_module_globals(Dict globals) { module_globals_.push_back(std::move(globals)); }

 private:
  TraceBuilder& b_;
  ObjectId chunk_;
  std::uint64_t chunk_alloc_bytes_ = 0;
  std::uint64_t chunk_used_bytes_ = 0;
  std::uint64_t allocations_at_chunk_ = 0;  // b_.allocations() when the chunk last changed
  std::uint64_t pool_alloc_ = 10;           // the ROM pool: alloc 10, and full
  std::uint64_t pool_len_ = 10;
  Dict main_globals_;
  Dict loaded_modules_;
  std::vector<Dict> module_globals_;
};

}  // namespace gcsim::synth
