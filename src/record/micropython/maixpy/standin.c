// What the stand-in modules share (standin.h).
#include "standin.h"

#include "../gcsim_record/recorder_api.h"
#include "py/gc.h"
#include "py/runtime.h"

// Where snapshot images point: the K210 keeps the camera's frame buffers on the system heap.
// Nothing reads or writes them here; one byte each is enough to have an address outside the GC
// heap.
uint8_t standin_camera_pixels[1];
uint8_t standin_camera_ai[1];

void *standin_xalloc(size_t n_bytes, int type_code) {
    // xalloc.c: gc_alloc, no finaliser; MemoryError (not m_malloc's message) when it fails.
    void *mem = gc_alloc(n_bytes, false);
    if (n_bytes != 0 && mem == NULL) {
        mp_raise_msg(&mp_type_MemoryError, "Out of normal MicroPython Heap Memory! Please reduce "
            "the resolution of the image you are running this algorithm on to bypass this issue!");
    }
    gcsim_record_set_type(mem, type_code);
    return mem;
}

NORETURN void standin_raise_not_modelled(qstr owner, qstr name) {
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_NotImplementedError,
        "gcsim stand-in: %q.%q is not modelled", owner, name));
}

STATIC mp_obj_t not_modelled_call(mp_obj_t self_in, size_t n_args, size_t n_kw,
    const mp_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    const standin_not_modelled_t *self = MP_OBJ_TO_PTR(self_in);
    standin_raise_not_modelled(self->owner, self->name);
}

STATIC void not_modelled_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const standin_not_modelled_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<%q.%q: not modelled by gcsim>", self->owner, self->name);
}

// Maix.freq.get_cpu() and the like: any attribute of something not modelled is not modelled.
STATIC void not_modelled_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    (void)attr;
    if (dest[0] == MP_OBJ_NULL) {
        const standin_not_modelled_t *self = MP_OBJ_TO_PTR(self_in);
        standin_raise_not_modelled(self->owner, self->name);
    }
}

const mp_obj_type_t standin_not_modelled_type = {
    { &mp_type_type },
    .name = MP_QSTR_not_modelled,
    .print = not_modelled_print,
    .call = not_modelled_call,
    .attr = not_modelled_attr,
};

// splitmix64's finaliser over the three inputs.
float standin_unit_value(uint64_t a, uint64_t b, uint64_t c) {
    uint64_t z = a * 0x9e3779b97f4a7c15ull + b * 0xbf58476d1ce4e5b9ull + c * 0x94d049bb133111ebull;
    z ^= z >> 30;
    z *= 0xbf58476d1ce4e5b9ull;
    z ^= z >> 27;
    z *= 0x94d049bb133111ebull;
    z ^= z >> 31;
    return (float)(z >> 40) / (float)(1u << 24);
}
