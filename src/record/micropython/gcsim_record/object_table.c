// The tracked objects (object_table.h).
#include "py/mpconfig.h"

#include "object_table.h"

#include "large_objects.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

object_table_t object_table;

static void *must(void *p) {
    if (p == NULL) {
        fprintf(stderr, "gcsim recorder: out of memory (C heap)\n");
        _exit(125);
    }
    return p;
}

void object_table_init(uintptr_t pool_start, uintptr_t pool_end) {
    object_table_t *t = &object_table;
    t->pool_start = pool_start;
    t->pool_bytes = pool_end - pool_start;
    size_t n_blocks = t->pool_bytes / MICROPY_BYTES_PER_GC_BLOCK;
    t->owner = must(calloc(n_blocks + 1, sizeof(uint32_t)));
    // At most one object per block, so the slot arrays never need to grow.
    t->cap_slots = (uint32_t)n_blocks;
    t->slots = must(calloc(n_blocks + 1, sizeof(tracked_object_t)));
    t->free_slots = must(calloc(n_blocks + 1, sizeof(uint32_t)));
    t->live = must(calloc(n_blocks + 1, sizeof(uint32_t)));
}

uint32_t object_table_find(const void *ptr) {
    uintptr_t offset = (uintptr_t)ptr - object_table.pool_start;
    if (offset >= object_table.pool_bytes || offset % MICROPY_BYTES_PER_GC_BLOCK != 0) {
        return NO_SLOT;
    }
    return object_table.owner[offset / MICROPY_BYTES_PER_GC_BLOCK] - 1;
}

uint32_t object_table_add(uint64_t id, const void *ptr, size_t n_blocks) {
    object_table_t *t = &object_table;
    uint32_t slot = t->n_free > 0 ? t->free_slots[--t->n_free] : t->n_slots++;
    tracked_object_t *o = &t->slots[slot];
    o->id = id;
    o->head = object_table_block(ptr);
    o->n_blocks = (uint32_t)n_blocks;
    o->mark = 0;
    o->live_pos = t->n_live;
    t->live[t->n_live++] = slot;
    t->owner[o->head] = slot + 1;
    return slot;
}

void object_table_move(uint32_t slot, const void *ptr, size_t n_blocks) {
    large_objects_forget(slot);
    tracked_object_t *o = &object_table.slots[slot];
    object_table.owner[o->head] = 0;
    o->head = object_table_block(ptr);
    o->n_blocks = (uint32_t)n_blocks;
    object_table.owner[o->head] = slot + 1;
}

void object_table_remove(uint32_t slot) {
    large_objects_forget(slot);
    object_table_t *t = &object_table;
    tracked_object_t *o = &t->slots[slot];
    t->owner[o->head] = 0;
    uint32_t last = t->live[--t->n_live];
    t->live[o->live_pos] = last;
    t->slots[last].live_pos = o->live_pos;
    t->free_slots[t->n_free++] = slot;
}
