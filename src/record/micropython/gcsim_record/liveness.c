// The liveness pass (liveness.h).
#include "liveness.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "large_objects.h"
#include "object_table.h"
#include "py/mpstate.h"

// The unix port's root scan of the C stack and registers (ports/unix/gccollect.c).
void gc_collect_regs_and_stack(void);
#if MICROPY_EMIT_NATIVE
void mp_unix_mark_exec(void);
#endif

int liveness_collecting_roots;

static uint32_t epoch;
static uint32_t *stack;  // slots reached whose words are still to scan
static size_t stack_len, stack_cap;
typedef struct {
    uint64_t id;
    uint32_t slot;
} dead_t;
static dead_t *dead_list;
static size_t dead_cap;

static inline void push(uint32_t slot) {
    stack[stack_len++] = slot;  // each slot is pushed once a pass: the stack never overflows
}

// A candidate word (a block-aligned address in the pool, as an offset from its start): marks
// the object whose head it is, if any.
static inline void visit(uintptr_t offset) {
    uint32_t s = object_table.owner[offset / MICROPY_BYTES_PER_GC_BLOCK];
    if (s != 0 && object_table.slots[s - 1].mark != epoch) {
        object_table.slots[s - 1].mark = epoch;
        push(s - 1);
    }
}

static void visit_candidate(uintptr_t offset) {
    visit(offset);
}

// Every word that is the address of a tracked head: marks that object.
static void scan(void *const *words, size_t n) {
    const uintptr_t start = object_table.pool_start;
    const uintptr_t bytes = object_table.pool_bytes;
    for (size_t i = 0; i < n; ++i) {
        uintptr_t offset = (uintptr_t)words[i] - start;
        if (offset < bytes && offset % MICROPY_BYTES_PER_GC_BLOCK == 0) {
            visit(offset);
        }
    }
}

static void drain(void) {
    while (stack_len > 0) {
        const uint32_t slot = stack[--stack_len];
        const tracked_object_t *o = &object_table.slots[slot];
        size_t n_words = (size_t)o->n_blocks * MICROPY_BYTES_PER_GC_BLOCK / sizeof(void *);
        if (n_words * sizeof(void *) >= LARGE_OBJECT_BYTES) {
            large_objects_scan(slot, scan, visit_candidate);
        } else {
            scan((void *const *)(object_table.pool_start
                + (uintptr_t)o->head * MICROPY_BYTES_PER_GC_BLOCK), n_words);
        }
    }
}

void liveness_scan_roots(void **ptrs, size_t len) {
    scan((void *const *)ptrs, len);
    drain();
}

static int by_id(const void *a, const void *b) {
    uint64_t x = ((const dead_t *)a)->id, y = ((const dead_t *)b)->id;
    return (x > y) - (x < y);
}

void liveness_pass(void (*dead)(uint64_t id)) {
    if (stack_cap < object_table.cap_slots) {
        stack_cap = object_table.cap_slots;
        stack = malloc(stack_cap * sizeof(uint32_t));
        if (stack == NULL) {
            fprintf(stderr, "gcsim recorder: out of memory (C heap)\n");
            _exit(125);
        }
    }
    ++epoch;
    // The root pointers of mp_state_ctx, as gc_collect_start() scans them (v1.11).
    void **state = (void **)(void *)&mp_state_ctx;
    size_t first = offsetof(mp_state_ctx_t, thread.dict_locals) / sizeof(void *);
    size_t last = offsetof(mp_state_ctx_t, vm.qstr_last_chunk) / sizeof(void *);
    liveness_scan_roots(state + first, last - first);
    liveness_collecting_roots = 1;
    gc_collect_regs_and_stack();
    #if MICROPY_EMIT_NATIVE
    mp_unix_mark_exec();
    #endif
    liveness_collecting_roots = 0;

    size_t n_dead = 0;
    for (uint32_t i = 0; i < object_table.n_live; ++i) {
        const tracked_object_t *o = &object_table.slots[object_table.live[i]];
        if (o->mark == epoch) {
            continue;
        }
        if (n_dead == dead_cap) {
            dead_cap = dead_cap ? 2 * dead_cap : 1024;
            dead_list = realloc(dead_list, dead_cap * sizeof(dead_t));
            if (dead_list == NULL) {
                fprintf(stderr, "gcsim recorder: out of memory (C heap)\n");
                _exit(125);
            }
        }
        dead_list[n_dead].id = o->id;
        dead_list[n_dead].slot = object_table.live[i];
        ++n_dead;
    }
    if (n_dead == 0) {
        return;
    }
    qsort(dead_list, n_dead, sizeof(dead_t), by_id);
    for (size_t i = 0; i < n_dead; ++i) {
        object_table_remove(dead_list[i].slot);
        dead(dead_list[i].id);
    }
}
