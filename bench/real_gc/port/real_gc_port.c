// bench_real_gc's port around MicroPython's py/gc.c (real_gc_port.h). Written for this
// benchmark; MicroPython's sources are compiled from the tree the build is given, unchanged.
#include "real_gc_port.h"

#include <stdlib.h>

#include "py/gc.h"
#include "py/mpstate.h"
#include "py/runtime.h"

// gc_collect_start scans this struct's root-pointer section; nothing here ever sets one, so
// it stays all NULL and the roots are exactly the driver's.
mp_state_ctx_t mp_state_ctx;

static void** roots_;
static const size_t* root_count_;
static uint64_t collections_;
static uint64_t finaliser_lookups_;

// gc.h leaves gc_collect to the port; gc_alloc calls it for its threshold and out-of-memory
// collections, gc.collect() for explicit ones.
void gc_collect(void) {
  gc_collect_start();
  gc_collect_root(roots_, *root_count_);
  gc_collect_end();
  ++collections_;
}

// The sweep asks for __del__ only of a finaliser object whose type word is set. The driver
// never sets one (gc_alloc zeroes it), so there is never a method to call.
void mp_load_method_maybe(mp_obj_t base, qstr attr, mp_obj_t* dest) {
  (void)base;
  (void)attr;
  ++finaliser_lookups_;
  dest[0] = MP_OBJ_NULL;
  dest[1] = MP_OBJ_NULL;
}

mp_obj_t mp_call_function_1_protected(mp_obj_t fun, mp_obj_t arg) {
  (void)fun;
  (void)arg;
  abort();
}

void real_gc_init(void* start, void* end) { gc_init(start, end); }

void real_gc_set_roots(void** roots, const size_t* count) {
  roots_ = roots;
  root_count_ = count;
}

void* real_gc_alloc(size_t n_bytes, bool has_finaliser) {
  return gc_alloc(n_bytes, has_finaliser ? GC_ALLOC_FLAG_HAS_FINALISER : 0);
}

void real_gc_free(void* ptr) { gc_free(ptr); }

void* real_gc_realloc(void* ptr, size_t n_bytes) { return gc_realloc(ptr, n_bytes, true); }

void real_gc_collect(void) { gc_collect(); }

void real_gc_set_auto_collect(bool enabled) { MP_STATE_MEM(gc_auto_collect_enabled) = enabled; }

void real_gc_set_threshold(int64_t amount) {
  MP_STATE_MEM(gc_alloc_threshold) =
      amount < 0 ? (size_t)-1 : (size_t)amount / MICROPY_BYTES_PER_GC_BLOCK;
}

real_gc_info real_gc_read_info(void) {
  gc_info_t info;
  gc_info(&info);
  real_gc_info out = {info.used, info.free, info.max_free * MICROPY_BYTES_PER_GC_BLOCK};
  return out;
}

uint64_t real_gc_collections(void) { return collections_; }

uint64_t real_gc_finaliser_lookups(void) { return finaliser_lookups_; }
