// The recorder's hooks: the unix port is linked with --wrap for gc_alloc, gc_realloc, gc_free,
// gc_collect, gc_collect_root, gc_info and write (micropython.mk), so every call to them from
// another file comes here first. Calls inside py/gc.c itself (gc_realloc's own gc_alloc and
// gc_free) are not wrapped, which is what a trace wants: a moving realloc is one `realloc`.
//
// Before every allocation (or every GCSIM_LIVENESS_EVERY-th) a liveness pass finds the objects
// that have become unreachable and records a `drop` for each, so a replay at any heap size and
// threshold finds exactly the garbage the program had at that point. The script's own gc calls
// become events: gc.collect() is a wrapped gc_collect() outside an allocation; gc.threshold(),
// gc.enable() and gc.disable() only change the collector's state, which is compared with the
// last recorded state at every hook (a change matters only at the next allocation or
// collection, and every hook comes before one).
//
// With GCSIM_RECORD_FD unset the hooks pass everything through: the binary is then a plain
// MicroPython (what the recording's cost is measured against).
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "event_stream.h"
#include "large_objects.h"
#include "liveness.h"
#include "object_table.h"
#include "observe_lines.h"
#include "recorder_api.h"
#include "py/gc.h"
#include "py/mpstate.h"
#include "py/obj.h"

void *__real_gc_alloc(size_t n_bytes, unsigned int alloc_flags);
void *__real_gc_realloc(void *ptr, size_t n_bytes, bool allow_move);
void __real_gc_free(void *ptr);
void __real_gc_collect(void);
void __real_gc_collect_root(void **ptrs, size_t len);
void __real_gc_info(gc_info_t *info);
ssize_t __real_write(int fd, const void *buf, size_t count);

void *__wrap_gc_alloc(size_t n_bytes, unsigned int alloc_flags);
void *__wrap_gc_realloc(void *ptr, size_t n_bytes, bool allow_move);
void __wrap_gc_free(void *ptr);
void __wrap_gc_collect(void);
void __wrap_gc_collect_root(void **ptrs, size_t len);
void __wrap_gc_info(gc_info_t *info);
ssize_t __wrap_write(int fd, const void *buf, size_t count);

enum { OFF, UNSET, ON };
static int state = UNSET;
static unsigned long liveness_every = 1;
static unsigned long allocs_since_pass;
static uint64_t next_id = 1;
static int inside_allocation;  // a collection now is gc_alloc's own (threshold or no memory)

// The collector's state as last recorded: gc_init's defaults until the script changes them.
static size_t recorded_threshold = (size_t)-1;
static uint16_t recorded_enabled = 1;

// The last allocation, recorded once its object has a type (at the next hook).
static uint32_t pending_slot = NO_SLOT;
static size_t pending_size;
static bool pending_fin;
static int pending_type = -1;  // a stand-in's name for it (gcsim_record_set_type), or -1

static size_t blocks_of(size_t n_bytes) {
    return (n_bytes + MICROPY_BYTES_PER_GC_BLOCK - 1) / MICROPY_BYTES_PER_GC_BLOCK;
}

static void catch_up(void);

// At exit: the end record (the interpreter's own teardown has caught up already, below).
static void close_stream(void) {
    catch_up();
    event_stream_close();
}

static bool active(void) {
    if (state == UNSET) {
        const char *fd = getenv("GCSIM_RECORD_FD");
        state = fd != NULL ? ON : OFF;
        if (state == ON) {
            const char *every = getenv("GCSIM_LIVENESS_EVERY");
            if (every != NULL && atol(every) > 0) {
                liveness_every = (unsigned long)atol(every);
            }
            object_table_init((uintptr_t)MP_STATE_MEM(gc_pool_start),
                (uintptr_t)MP_STATE_MEM(gc_pool_end));
            large_objects_init();
            event_stream_open(atoi(fd));
            event_stream_op('h');
            event_stream_uint((uintptr_t)MP_STATE_MEM(gc_alloc_table_start) % MICROPY_BYTES_PER_GC_BLOCK);
            event_stream_uint(object_table.pool_bytes);
            event_stream_uint(liveness_every);
            atexit(close_stream);
        }
    }
    return state == ON;
}

// The letter gc_dump_alloc_table would print for this head, as a type code.
static int type_code(const void *head) {
    const mp_obj_type_t *type = *(const mp_obj_type_t *const *)head;
    if (type == &mp_type_tuple) {
        return EVENT_TYPE_TUPLE;
    } else if (type == &mp_type_list) {
        return EVENT_TYPE_LIST;
    } else if (type == &mp_type_dict) {
        return EVENT_TYPE_DICT;
    } else if (type == &mp_type_str) {
        return EVENT_TYPE_STR;
    } else if (type == &mp_type_bytes) {
        return EVENT_TYPE_BYTES;
    #if MICROPY_PY_BUILTINS_BYTEARRAY
    } else if (type == &mp_type_bytearray) {
        return EVENT_TYPE_BYTEARRAY;
    #endif
    #if MICROPY_PY_ARRAY
    } else if (type == &mp_type_array) {
        return EVENT_TYPE_ARRAY;
    #endif
    #if MICROPY_PY_BUILTINS_FLOAT
    } else if (type == &mp_type_float) {
        return EVENT_TYPE_FLOAT;
    #endif
    } else if (type == &mp_type_fun_bc) {
        return EVENT_TYPE_FUNCTION;
    } else if (type == &mp_type_module) {
        return EVENT_TYPE_MODULE;
    }
    return EVENT_TYPE_NONE;
}

static void flush_pending(void) {
    if (pending_slot == NO_SLOT) {
        return;
    }
    const tracked_object_t *o = &object_table.slots[pending_slot];
    event_stream_op('a');
    event_stream_uint(o->id);
    event_stream_uint(pending_size);
    event_stream_uint(pending_fin ? 1 : 0);
    event_stream_uint(pending_type >= 0 ? (uint64_t)pending_type
        : (uint64_t)type_code((const void *)(object_table.pool_start
            + (uintptr_t)o->head * MICROPY_BYTES_PER_GC_BLOCK)));
    pending_slot = NO_SLOT;
    pending_type = -1;
}

static void record_settings(void) {
    if (MP_STATE_MEM(gc_alloc_threshold) != recorded_threshold) {
        recorded_threshold = MP_STATE_MEM(gc_alloc_threshold);
        event_stream_op('t');
        event_stream_int(recorded_threshold == (size_t)-1
            ? -1 : (int64_t)(recorded_threshold * MICROPY_BYTES_PER_GC_BLOCK));
    }
    if (MP_STATE_MEM(gc_auto_collect_enabled) != recorded_enabled) {
        recorded_enabled = MP_STATE_MEM(gc_auto_collect_enabled);
        event_stream_op(recorded_enabled ? 'e' : 'x');
    }
}

// What every hook does first: the previous allocation and any new gc settings go out before
// whatever this hook records.
static void catch_up(void) {
    flush_pending();
    record_settings();
}

static void record_drop(uint64_t id) {
    event_stream_op('d');
    event_stream_uint(id);
}

static void record_id(char op, uint64_t id) {
    event_stream_op(op);
    event_stream_uint(id);
}

// Zeroes the stack below the hook's frame, where the pass and the records left words (heap
// addresses among them) that a later frame of the program would otherwise find in its
// uninitialised slots and a collection would take for pointers.
static MP_NOINLINE void scrub_stack(void) {
    char area[1024];  // the pass reaches about 300 bytes below the hook
    memset(area, 0, sizeof(area));
    __asm__ volatile ("" : : "r"(area) : "memory");
}

// Before something that may allocate: a liveness pass, unless the heap is locked (a finaliser
// running inside a collection), when the allocation fails without collecting anyway.
static void before_allocation(void) {
    if (MP_STATE_MEM(gc_lock_depth) > 0) {
        return;
    }
    if (++allocs_since_pass >= liveness_every) {
        allocs_since_pass = 0;
        liveness_pass(record_drop);
    }
    scrub_stack();
}

static void track_new(void *ptr, size_t n_bytes, bool fin) {
    pending_slot = object_table_add(next_id++, ptr, blocks_of(n_bytes));
    pending_size = n_bytes;
    pending_fin = fin;
}

static void record_out_of_memory(size_t n_bytes) {
    if (MP_STATE_MEM(gc_lock_depth) > 0) {
        return;  // a locked heap refuses every allocation; not the recording heap's size
    }
    event_stream_op('o');
    event_stream_uint(n_bytes);
}

void *__wrap_gc_alloc(size_t n_bytes, unsigned int alloc_flags) {
    if (!active() || n_bytes == 0) {
        return __real_gc_alloc(n_bytes, alloc_flags);
    }
    catch_up();
    before_allocation();
    ++inside_allocation;
    void *ptr = __real_gc_alloc(n_bytes, alloc_flags);
    --inside_allocation;
    if (ptr != NULL) {
        track_new(ptr, n_bytes, (alloc_flags & GC_ALLOC_FLAG_HAS_FINALISER) != 0);
    } else {
        record_out_of_memory(n_bytes);
    }
    return ptr;
}

void *__wrap_gc_realloc(void *ptr, size_t n_bytes, bool allow_move) {
    if (!active() || (ptr == NULL && n_bytes == 0)) {
        return __real_gc_realloc(ptr, n_bytes, allow_move);
    }
    catch_up();
    if (ptr == NULL) {  // gc_realloc allocates
        before_allocation();
        ++inside_allocation;
        void *out = __real_gc_realloc(ptr, n_bytes, allow_move);
        --inside_allocation;
        if (out != NULL) {
            track_new(out, n_bytes, false);
        } else {
            record_out_of_memory(n_bytes);
        }
        return out;
    }
    uint32_t slot = object_table_find(ptr);
    if (slot == NO_SLOT) {  // not an object this recording knows alive
        record_id('w', 0);
        return __real_gc_realloc(ptr, n_bytes, allow_move);
    }
    tracked_object_t *o = &object_table.slots[slot];
    if (n_bytes == 0) {  // gc_realloc frees
        void *out = __real_gc_realloc(ptr, n_bytes, allow_move);
        if (MP_STATE_MEM(gc_lock_depth) == 0) {
            record_id('f', o->id);
            object_table_remove(slot);
        }
        return out;
    }
    size_t new_blocks = blocks_of(n_bytes);
    if (new_blocks > o->n_blocks && allow_move) {
        before_allocation();  // may move: an allocation
        slot = object_table_find(ptr);
        if (slot == NO_SLOT) {  // the pass found no root for it, yet the program holds it
            record_id('w', 0);
            return __real_gc_realloc(ptr, n_bytes, allow_move);
        }
        o = &object_table.slots[slot];
    }
    ++inside_allocation;
    void *out = __real_gc_realloc(ptr, n_bytes, allow_move);
    --inside_allocation;
    if (out == NULL) {
        if (allow_move) {
            record_out_of_memory(n_bytes);
        }
        return out;  // a refused in-place grow changes nothing
    }
    event_stream_op('r');
    event_stream_uint(o->id);
    event_stream_uint(n_bytes);
    object_table_move(slot, out, new_blocks);
    return out;
}

void __wrap_gc_free(void *ptr) {
    if (!active() || ptr == NULL || MP_STATE_MEM(gc_lock_depth) > 0) {
        __real_gc_free(ptr);
        return;
    }
    catch_up();
    uint32_t slot = object_table_find(ptr);
    if (slot == NO_SLOT) {
        record_id('w', 0);
    } else {
        record_id('f', object_table.slots[slot].id);
        object_table_remove(slot);
    }
    __real_gc_free(ptr);
}

// After the real collector swept: an object it freed that the recording still tracks was
// unreachable after all (its pass found a root the collector's did not); it is dropped here,
// before the allocation that follows.
static void drop_swept(void) {
    const byte *atb = MP_STATE_MEM(gc_alloc_table_start);
    for (uint32_t i = 0; i < object_table.n_live;) {
        uint32_t slot = object_table.live[i];
        uint32_t head = object_table.slots[slot].head;
        // The ATB's two bits per block (py/gc.c): 0 free, 1 head, 2 tail, 3 mark.
        unsigned kind = (atb[head / 4] >> (2 * (head % 4))) & 3;
        if (kind == 1) {
            ++i;
            continue;
        }
        record_drop(object_table.slots[slot].id);
        object_table_remove(slot);  // live[i] now holds another slot
    }
}

void __wrap_gc_collect(void) {
    if (!active()) {
        __real_gc_collect();
        return;
    }
    if (!inside_allocation) {  // gc.collect()
        catch_up();
        liveness_pass(record_drop);
        allocs_since_pass = 0;
        event_stream_op('c');
    }
    __real_gc_collect();
    drop_swept();
}

void __wrap_gc_collect_root(void **ptrs, size_t len) {
    if (liveness_collecting_roots) {
        liveness_scan_roots(ptrs, len);
    } else {
        __real_gc_collect_root(ptrs, len);
    }
}

// gc.mem_alloc(), gc.mem_free() and micropython.mem_info() read the heap here: the point an
// OBSERVE line's numbers were taken.
void __wrap_gc_info(gc_info_t *info) {
    if (active()) {
        catch_up();
        event_stream_op('i');
    }
    __real_gc_info(info);
}

// The interpreter is about to be torn down: the last allocation and gc settings go out while
// its objects can still be read.
void __real_mp_deinit(void);
void __wrap_mp_deinit(void);
void __wrap_mp_deinit(void) {
    if (state == ON) {
        catch_up();
    }
    __real_mp_deinit();
}

static void record_mark(const char *label, size_t len) {
    catch_up();
    event_stream_op('m');
    event_stream_bytes(label, len);
}

void gcsim_record_set_type(const void *ptr, int type_code) {
    if (state == ON && pending_slot != NO_SLOT && object_table_find(ptr) == pending_slot) {
        pending_type = type_code;
    }
}

void gcsim_record_mark(const char *label, size_t len) {
    if (active()) {
        record_mark(label, len);
    }
}

// The kernel's writes into a protected buffer would fail (EFAULT) rather than fault.
ssize_t __real_read(int fd, void *buf, size_t count);
ssize_t __wrap_read(int fd, void *buf, size_t count);
ssize_t __real_recv(int fd, void *buf, size_t len, int flags);
ssize_t __wrap_recv(int fd, void *buf, size_t len, int flags);
ssize_t __real_recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
    socklen_t *from_len);
ssize_t __wrap_recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
    socklen_t *from_len);

ssize_t __wrap_read(int fd, void *buf, size_t count) {
    large_objects_unprotect_range(buf, count);
    return __real_read(fd, buf, count);
}

ssize_t __wrap_recv(int fd, void *buf, size_t len, int flags) {
    large_objects_unprotect_range(buf, len);
    return __real_recv(fd, buf, len, flags);
}

ssize_t __wrap_recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *from,
    socklen_t *from_len) {
    large_objects_unprotect_range(buf, len);
    return __real_recvfrom(fd, buf, len, flags, from, from_len);
}

ssize_t __wrap_write(int fd, const void *buf, size_t count) {
    if (fd == 1 && active()) {
        observe_lines_feed(buf, count, record_mark);
    }
    return __real_write(fd, buf, count);
}
