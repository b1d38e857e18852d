// The MaixPy stand-ins: MicroPython modules with the names and calls of the K210 firmware's own
// (sensor, image, lcd, KPU, Maix, fpioa_manager, board, time, os), compiled into the unix port
// that `gcsim record` builds. Each call asks the GC heap for exactly what the firmware's asks
// (docs/maixpy-modules.md has the table and the firmware files each figure comes from) and
// nothing else; what the firmware keeps on the system heap (frame buffers, the LCD buffer,
// models, fb_alloc scratch) is not allocated at all. Pixels are never computed: buffers are
// allocated (zeroed, as gc_alloc leaves them) and sized, not filled.
//
// What a script reads back (detections, classifier scores, the clock) is made up, the same on
// every run, from the run's settings (settings.c): GCSIM_FRAMES, GCSIM_KPU_OUTPUT,
// GCSIM_DETECTIONS, GCSIM_HEAP_BYTES.
//
// A firmware call that is not modelled raises NotImplementedError naming it, never passes
// silently (a silent no-op would hide what the firmware allocates).
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "py/obj.h"

// The firmware's image_t inside py_image_obj_t (py_image.c): 8 + 32 = 40 bytes on a 64-bit
// core, as on the K210.
typedef struct {
    mp_obj_base_t base;
    int w;
    int h;
    int bpp;        // IMAGE_BPP_*, or a JPEG's byte count
    void *pixels;   // a GC buffer, or the camera frame buffer (outside the GC heap)
    void *pix_ai;   // the AI-layout buffer: a GC buffer, the camera's, or NULL
} standin_image_t;

// image_t's bpp values (imlib.h).
enum { IMAGE_BPP_BINARY, IMAGE_BPP_GRAYSCALE, IMAGE_BPP_RGB565, IMAGE_BPP_BAYER };

extern const mp_obj_type_t standin_image_type;

// py_image(): a new image object over `pixels` (pix_ai NULL), named "Image" in the trace.
mp_obj_t standin_image_new(int w, int h, int bpp, void *pixels, void *pix_ai);
standin_image_t *standin_image_get(mp_obj_t obj);  // TypeError unless an image
size_t standin_image_bytes(int w, int h, int bpp);  // image_size()

// xalloc(): a GC buffer of n_bytes, named `type_code` in the trace; MemoryError with the
// firmware's message when the heap has no room.
void *standin_xalloc(size_t n_bytes, int type_code);

// The frame buffers of the camera (the system heap on the K210): where snapshot images point.
extern uint8_t standin_camera_pixels[];
extern uint8_t standin_camera_ai[];

// A callable that raises NotImplementedError("gcsim stand-in: OWNER.NAME is not modelled").
typedef struct {
    mp_obj_base_t base;
    qstr owner;
    qstr name;
} standin_not_modelled_t;
extern const mp_obj_type_t standin_not_modelled_type;
#define STANDIN_NOT_MODELLED(owner, name) \
    static const standin_not_modelled_t not_modelled_##owner##_##name = \
    {{&standin_not_modelled_type}, MP_QSTR_##owner, MP_QSTR_##name}
#define STANDIN_NOT_MODELLED_ENTRY(owner, name) \
    { MP_ROM_QSTR(MP_QSTR_##name), MP_ROM_PTR(&not_modelled_##owner##_##name) }
NORETURN void standin_raise_not_modelled(qstr owner, qstr name);

// The run's settings (settings.c), read from the environment once.
typedef struct {
    long frames;                // GCSIM_FRAMES: snapshots before the script ends; -1 none
    const char *kpu_output;     // GCSIM_KPU_OUTPUT: "1000" or "0x300000=10,/sd/m.kmodel=20,..."
    const char *detections;     // GCSIM_DETECTIONS: per run_yolo2 call, cycled: "0,1,2,1"
    long heap_bytes;            // GCSIM_HEAP_BYTES: what Maix.utils.gc_heap_size() answers
} standin_settings_t;
const standin_settings_t *standin_settings(void);
// Values per forward() of the model loaded from `model` (a flash address or a path).
size_t standin_kpu_output_for(mp_obj_t model);
// Detections for the `call`-th run_yolo2 (0-based).
size_t standin_detections_for(uint64_t call);

// The camera's frame count: sensor.snapshot() calls so far.
extern uint64_t standin_frames_taken;

// The virtual clock of `time` (modtime.c), in microseconds since start: a snapshot takes a
// frame period, sleep advances it at once, every reading advances it by 1 us.
uint64_t standin_clock_us(void);
void standin_clock_advance_us(uint64_t us);

// A value in [0, 1) that depends only on (a, b, c): stand-in scores, boxes, features.
float standin_unit_value(uint64_t a, uint64_t b, uint64_t c);
