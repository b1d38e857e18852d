// The MicroPython configuration py/gc.c is compiled with for bench_real_gc: the k210 preset's
// collector on a 64-bit host (docs/geometry.md) — 8-byte words, 32-byte blocks (mpconfig.h's
// default of 4 words), finaliser table on, gc.threshold compiled in, conservative clear on, a
// 64-entry mark stack, no split heap, no threads. Everything else is switched off: only gc.c and
// the headers it includes are compiled, never the rest of the interpreter.
#include <stdint.h>

#define MICROPY_ENABLE_GC (1)
#define MICROPY_ENABLE_FINALISER (1)
#define MICROPY_GC_ALLOC_THRESHOLD (1)
#define MICROPY_GC_CONSERVATIVE_CLEAR (1)
#define MICROPY_ALLOC_GC_STACK_SIZE (64)
#define MICROPY_ENABLE_PYSTACK (0)
#define MICROPY_ENABLE_SCHEDULER (0)
#define MICROPY_PY_THREAD (0)
#define MICROPY_PY_GC_COLLECT_RETVAL (0)
#define MICROPY_MEM_STATS (0)
#define MICROPY_DEBUG_VERBOSE (0)
#define MICROPY_ENABLE_COMPILER (0)
#define MICROPY_QSTR_BYTES_IN_HASH (1)
#define MICROPY_LONGINT_IMPL (MICROPY_LONGINT_IMPL_NONE)
#define MICROPY_FLOAT_IMPL (MICROPY_FLOAT_IMPL_NONE)

// Pointer-sized integers: BYTES_PER_WORD is sizeof(mp_uint_t), so these make the words 8 bytes.
typedef intptr_t mp_int_t;
typedef uintptr_t mp_uint_t;
typedef long mp_off_t;
#define UINT_FMT "%lu"
#define INT_FMT "%ld"

#define MP_STATE_PORT MP_STATE_VM
#define MICROPY_PORT_ROOT_POINTERS
