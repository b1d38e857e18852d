// The objects the recording believes alive: every successful allocation until it is freed,
// or found unreachable by a liveness pass. Each has the trace id it was given, its head block
// and block count on the recording heap; `owner` maps a head block back to its object, so a
// heap word is recognised as a pointer to a tracked object in O(1).
//
// Objects live in slots (reused after death); `live` lists the used slots densely so a pass
// visits only them. Memory comes from the C heap, never from the GC heap.
#pragma once

#include "py/mpconfig.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t id;
    uint32_t head;      // block index in the pool
    uint32_t n_blocks;  // blocks of the chain, as gc.c counts them
    uint32_t mark;      // the liveness pass that last reached it
    uint32_t live_pos;  // index in object_table.live
} tracked_object_t;

#define NO_SLOT UINT32_MAX

typedef struct {
    uintptr_t pool_start;
    uintptr_t pool_bytes;
    uint32_t *owner;  // per pool block: slot + 1 of the object whose head it is, or 0
    tracked_object_t *slots;
    uint32_t n_slots, cap_slots;
    uint32_t *free_slots;
    uint32_t n_free;
    uint32_t *live;
    uint32_t n_live;
} object_table_t;

extern object_table_t object_table;

void object_table_init(uintptr_t pool_start, uintptr_t pool_end);
// The slot of the object whose head is at `ptr`, or NO_SLOT.
uint32_t object_table_find(const void *ptr);
uint32_t object_table_add(uint64_t id, const void *ptr, size_t n_blocks);
void object_table_move(uint32_t slot, const void *ptr, size_t n_blocks);
void object_table_remove(uint32_t slot);

static inline uint32_t object_table_block(const void *ptr) {
    return (uint32_t)(((uintptr_t)ptr - object_table.pool_start) / MICROPY_BYTES_PER_GC_BLOCK);
}
