// The port bench_real_gc builds around MicroPython's own py/gc.c: what a MicroPython port
// supplies to its collector (the gc_collect that hands over the roots, the mp_state_ctx the
// state lives in) and the few calls py/modgc.c would make (gc.enable, gc.disable,
// gc.threshold), as plain C functions so the C++ driver needs none of MicroPython's headers.
// It holds no replay logic: which pointers are roots, and where references are stored, is the
// driver's business (real_gc_replay.h).
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// What gc_info() reports, in bytes (gc.c's max_free is in blocks; this is blocks × 32).
typedef struct real_gc_info {
  size_t mem_alloc;
  size_t mem_free;
  size_t max_free_bytes;
} real_gc_info;

// gc_init over [start, end); `start` must be 32-byte aligned, as gc.c's pointer check assumes.
void real_gc_init(void* start, void* end);
// The roots every collection scans: the first *count pointers of `roots`, read afresh each time
// (the caller may change both between calls). The C stack and registers are never scanned.
void real_gc_set_roots(void** roots, const size_t* count);

void* real_gc_alloc(size_t n_bytes, bool has_finaliser);
void real_gc_free(void* ptr);
void* real_gc_realloc(void* ptr, size_t n_bytes);
// gc.collect(): the port's gc_collect(), the one gc_alloc also calls.
void real_gc_collect(void);
// gc.enable() / gc.disable().
void real_gc_set_auto_collect(bool enabled);
// gc.threshold(amount) as py/modgc.c sets it: negative is off, else amount / 32 blocks.
void real_gc_set_threshold(int64_t amount);

// gc_info(), the block-by-block scan the real collector needs to answer mem_alloc/mem_free.
real_gc_info real_gc_read_info(void);
// Collections so far, whoever started them (gc.collect, a threshold, out of memory).
uint64_t real_gc_collections(void);
// Times the sweep asked for a finaliser's __del__ (the driver never gives an object a type,
// so this stays 0; counted to show no finaliser ran).
uint64_t real_gc_finaliser_lookups(void);

#ifdef __cplusplus
}
#endif
