// Large objects scanned once while unwritten (large_objects.h).
#include "large_objects.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "object_table.h"

#define PAGE_BYTES 4096u

typedef struct {
    uintptr_t first, end;  // the protected pages' bytes, [first, end), page-aligned
    uint32_t *candidates;  // offsets from the pool's start
    size_t n_candidates, cap_candidates;
    bool protected;
    uint32_t faults;      // writes since it was last left alone for long
    uint32_t wait;        // passes to go before protecting it again
    uint32_t clean_passes;
} large_object_t;

static large_object_t **large_of_slot;  // per slot; NULL for objects not cached
static uint32_t *slot_of_page;          // per page from the pool's first page: slot + 1, or 0
static uintptr_t first_page;

static void *must(void *p) {
    if (p == NULL) {
        fprintf(stderr, "gcsim recorder: out of memory (C heap)\n");
        _exit(125);
    }
    return p;
}

static void unprotect(large_object_t *l) {
    if (!l->protected) {
        return;
    }
    mprotect((void *)l->first, l->end - l->first, PROT_READ | PROT_WRITE);
    for (uintptr_t p = l->first; p < l->end; p += PAGE_BYTES) {
        slot_of_page[(p - first_page) / PAGE_BYTES] = 0;
    }
    l->protected = false;
}

// A write to a protected page: the object goes back to being scanned in full for a while.
static void on_fault(int sig, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t addr = (uintptr_t)info->si_addr;
    uintptr_t pool_end = object_table.pool_start + object_table.pool_bytes;
    if (addr >= first_page && addr < pool_end) {
        uint32_t s = slot_of_page[(addr - first_page) / PAGE_BYTES];
        if (s != 0) {
            large_object_t *l = large_of_slot[s - 1];
            unprotect(l);
            ++l->faults;
            l->wait = 1u << (l->faults < 10 ? l->faults : 10);
            l->clean_passes = 0;
            return;  // the write runs again, now allowed
        }
    }
    // Not a page of ours: the fault is the program's, and ends it as it would have.
    signal(sig, SIG_DFL);
}

// The fault handler runs on a stack of its own: a signal frame written on the program's stack
// would leave the registers' values (heap addresses among them) where a later collection scans.
static char fault_stack[64 * 1024];

void large_objects_init(void) {
    size_t slots = object_table.cap_slots + 1;
    large_of_slot = must(calloc(slots, sizeof(large_object_t *)));
    first_page = object_table.pool_start & ~(uintptr_t)(PAGE_BYTES - 1);
    size_t pages = (object_table.pool_start + object_table.pool_bytes - first_page) / PAGE_BYTES + 1;
    slot_of_page = must(calloc(pages, sizeof(uint32_t)));
    stack_t alternate;
    memset(&alternate, 0, sizeof(alternate));
    alternate.ss_sp = fault_stack;
    alternate.ss_size = sizeof(fault_stack);
    sigaltstack(&alternate, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, NULL);
}

// Keeps the candidate words of the pages wholly inside [start, end) and makes those pages
// read-only.
static void protect(uint32_t slot, large_object_t *l, uintptr_t start, uintptr_t end) {
    l->first = (start + PAGE_BYTES - 1) & ~(uintptr_t)(PAGE_BYTES - 1);
    l->end = end & ~(uintptr_t)(PAGE_BYTES - 1);
    if (l->first >= l->end) {
        return;
    }
    const uintptr_t pool = object_table.pool_start;
    l->n_candidates = 0;
    for (void *const *w = (void *const *)l->first; w < (void *const *)l->end; ++w) {
        uintptr_t offset = (uintptr_t)*w - pool;
        if (offset < object_table.pool_bytes && offset % MICROPY_BYTES_PER_GC_BLOCK == 0) {
            if (l->n_candidates == l->cap_candidates) {
                l->cap_candidates = l->cap_candidates ? 2 * l->cap_candidates : 64;
                l->candidates = must(realloc(l->candidates, l->cap_candidates * sizeof(uint32_t)));
            }
            l->candidates[l->n_candidates++] = (uint32_t)offset;
        }
    }
    if (mprotect((void *)l->first, l->end - l->first, PROT_READ) != 0) {
        return;
    }
    for (uintptr_t p = l->first; p < l->end; p += PAGE_BYTES) {
        slot_of_page[(p - first_page) / PAGE_BYTES] = slot + 1;
    }
    l->protected = true;
}

void large_objects_scan(uint32_t slot, void (*scan)(void *const *words, size_t n),
    void (*visit)(uintptr_t offset)) {
    const tracked_object_t *o = &object_table.slots[slot];
    uintptr_t start = object_table.pool_start + (uintptr_t)o->head * MICROPY_BYTES_PER_GC_BLOCK;
    uintptr_t end = start + (uintptr_t)o->n_blocks * MICROPY_BYTES_PER_GC_BLOCK;
    large_object_t *l = large_of_slot[slot];
    if (l == NULL) {
        l = large_of_slot[slot] = must(calloc(1, sizeof(large_object_t)));
    }
    if (l->protected) {
        scan((void *const *)start, (l->first - start) / sizeof(void *));
        scan((void *const *)l->end, (end - l->end) / sizeof(void *));
        for (size_t i = 0; i < l->n_candidates; ++i) {
            visit(l->candidates[i]);
        }
        if (++l->clean_passes >= 4096) {
            l->faults = 0;
        }
        return;
    }
    scan((void *const *)start, (end - start) / sizeof(void *));
    if (l->wait > 0) {
        --l->wait;
        return;
    }
    protect(slot, l, start, end);
}

void large_objects_forget(uint32_t slot) {
    large_object_t *l = large_of_slot[slot];
    if (l == NULL) {
        return;
    }
    unprotect(l);
    free(l->candidates);
    free(l);
    large_of_slot[slot] = NULL;
}

void large_objects_unprotect_range(const void *start, size_t len) {
    uintptr_t a = (uintptr_t)start, b = a + len;
    uintptr_t pool_end = object_table.pool_start + object_table.pool_bytes;
    if (slot_of_page == NULL || b <= first_page || a >= pool_end) {
        return;
    }
    if (a < first_page) {
        a = first_page;
    }
    if (b > pool_end) {
        b = pool_end;
    }
    for (uintptr_t p = a & ~(uintptr_t)(PAGE_BYTES - 1); p < b; p += PAGE_BYTES) {
        uint32_t s = slot_of_page[(p - first_page) / PAGE_BYTES];
        if (s != 0) {
            unprotect(large_of_slot[s - 1]);
        }
    }
}
