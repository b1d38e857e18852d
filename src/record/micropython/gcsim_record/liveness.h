// A liveness pass: which tracked objects can the program still reach? It marks from the roots
// py/gc.c's collection would scan on this port — the root-pointer part of mp_state_ctx (from
// thread.dict_locals up to vm.qstr_last_chunk), the C stack and registers as the unix port's
// gc_collect_regs_and_stack() hands them over, and the native-code regions — then through every
// word of every reached object, as gc.c's conservative marking does: a word is a pointer when it
// is the address of a tracked object's head block.
//
// It marks in its own bits and frees nothing: the recording heap goes on as in a plain run, and
// the real collector runs only when the script's own settings call for it. Objects the pass
// does not reach are removed from the table and reported, in id order.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Runs a pass: removes each unreachable object from the table and calls `dead(id)` for it,
// ids ascending.
void liveness_pass(void (*dead)(uint64_t id));

// True while a pass collects roots: gc_collect_root() then feeds the pass, not the collector.
extern int liveness_collecting_roots;
void liveness_scan_roots(void **ptrs, size_t len);
