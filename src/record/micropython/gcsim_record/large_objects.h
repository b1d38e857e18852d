// Large objects, scanned once while unwritten. A pass must read every word of every object the
// program reaches, and a big buffer (an image, a resident bytearray) is most of those words:
// 472 KB is 60,000 words before every allocation. So once a pass has scanned an object of at
// least LARGE_OBJECT_BYTES, the pages wholly inside it are made read-only and the candidate
// words found there (block-aligned addresses in the pool) are kept; later passes look only at
// those, and scan the object's first and last partial page in full, until the program writes
// to the object. The write faults; the fault handler makes the pages writable again and the
// next pass scans the whole object (an object written between passes again and again is left
// unprotected for a while, longer each time). Writes by the kernel do not fault — read(2)
// into a protected buffer would fail — so read, recv and recvfrom unprotect their buffer first.
//
//   pool:  | head page ... |########## protected pages ##########| ... tail page |
//          scanned every pass   candidates kept while unwritten    scanned every pass
#pragma once

#include <stddef.h>
#include <stdint.h>

#define LARGE_OBJECT_BYTES (16 * 1024)

// Sets up the page table and the fault handler for the pool (object_table_init has run).
void large_objects_init(void);

// Scans the object in `slot` for a pass: calls `visit(offset)` for each candidate word (its
// value minus the pool's start) and `scan(words, n)` for the parts it reads in full.
void large_objects_scan(uint32_t slot, void (*scan)(void *const *words, size_t n),
    void (*visit)(uintptr_t offset));

// The object in `slot` is going away or moving: its pages become writable, its cache is gone.
void large_objects_forget(uint32_t slot);

// Bytes the kernel is about to write: the objects they fall in are unprotected first.
void large_objects_unprotect_range(const void *start, size_t len);
