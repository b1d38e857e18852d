// `sensor` (omv/py/py_sensor.c): the camera. snapshot() and get_fb() make a 40-byte image
// object over the camera's frame buffer, whose pixels and AI buffer are on the system heap
// (sensor.reset / set_framesize allocate them there, so here nothing); the gain readings make
// a float (get_rgb_gain_db: three, then their tuple); the rest allocates nothing.
//
// snapshot() is also where a recording ends: with GCSIM_FRAMES=N the (N+1)-th call raises
// SystemExit, as sys.exit() would (`except Exception` does not catch it; finally blocks run).
// Each call that goes on marks the trace "frame K" (K from 0) before it allocates.
#include <stdio.h>
#include <stdlib.h>

#include "standin.h"

#include "../gcsim_record/recorder_api.h"
#include "py/runtime.h"

// pixformat_t and framesize_t (sensor.h): the values scripts see as sensor.RGB565 etc.
enum {
    PIXFORMAT_BAYER = 1, PIXFORMAT_RGB565, PIXFORMAT_YUV422, PIXFORMAT_GRAYSCALE, PIXFORMAT_JPEG,
};
enum {
    FRAMESIZE_QQCIF = 1, FRAMESIZE_QCIF, FRAMESIZE_CIF, FRAMESIZE_QQSIF, FRAMESIZE_QSIF,
    FRAMESIZE_SIF, FRAMESIZE_QQQQVGA, FRAMESIZE_QQQVGA, FRAMESIZE_QQVGA, FRAMESIZE_QVGA,
    FRAMESIZE_VGA, FRAMESIZE_HQQQVGA, FRAMESIZE_HQQVGA, FRAMESIZE_HQVGA, FRAMESIZE_64X32,
    FRAMESIZE_64X64, FRAMESIZE_128X64, FRAMESIZE_128X128, FRAMESIZE_240X240, FRAMESIZE_LCD,
    FRAMESIZE_QQVGA2, FRAMESIZE_WVGA, FRAMESIZE_WVGA2, FRAMESIZE_SVGA, FRAMESIZE_SXGA,
    FRAMESIZE_UXGA, FRAMESIZE_COUNT,
};

// Width and height of each framesize, by value.
static const uint16_t resolution[FRAMESIZE_COUNT][2] = {
    {0, 0}, {88, 72}, {176, 144}, {352, 288}, {88, 60}, {176, 120}, {352, 240}, {40, 30},
    {80, 60}, {160, 120}, {320, 240}, {640, 480}, {60, 40}, {120, 80}, {240, 160}, {64, 32},
    {64, 64}, {128, 64}, {128, 128}, {240, 240}, {128, 160}, {128, 160}, {720, 480},
    {752, 480}, {800, 600}, {1280, 1024}, {1600, 1200},
};

// One frame of the camera: OV2640 QVGA at 30 frames a second.
#define STANDIN_FRAME_US 33333

static struct {
    bool reset;
    int pixformat;
    int framesize;
    int w, h;  // the window (set_windowing), or the framesize's
} camera = {false, PIXFORMAT_RGB565, FRAMESIZE_QVGA, 320, 240};

uint64_t standin_frames_taken;

STATIC mp_obj_t sensor_reset(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)args;
    (void)kw_args;
    camera.reset = true;
    camera.pixformat = PIXFORMAT_RGB565;
    camera.framesize = FRAMESIZE_QVGA;
    camera.w = resolution[FRAMESIZE_QVGA][0];
    camera.h = resolution[FRAMESIZE_QVGA][1];
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_reset_obj, 0, sensor_reset);

STATIC mp_obj_t sensor_snapshot(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)args;
    (void)kw_args;
    long frames = standin_settings()->frames;
    if (frames >= 0 && standin_frames_taken >= (uint64_t)frames) {
        nlr_raise(mp_obj_new_exception(&mp_type_SystemExit));
    }
    if (frames < 0 && standin_frames_taken == 0 && getenv("GCSIM_RECORD_FD") != NULL) {
        // A MaixPy loop runs forever: say once how to end it, on stderr (stdout is the script's).
        fprintf(stderr, "gcsim record: the script takes camera frames and no --frames N was "
            "given: it ends only when it stops by itself\n");
    }
    // "frame K", written by hand: MicroPython's own snprintf has no 64-bit conversions.
    char label[32] = "frame ";
    char digits[21];
    size_t n_digits = 0;
    uint64_t k = standin_frames_taken;
    do {
        digits[n_digits++] = (char)('0' + k % 10);
        k /= 10;
    } while (k != 0);
    size_t len = 6;
    while (n_digits > 0) {
        label[len++] = digits[--n_digits];
    }
    gcsim_record_mark(label, len);
    standin_frames_taken++;
    standin_clock_advance_us(STANDIN_FRAME_US);
    // py_image(0, 0, 0, 0) first; the camera then fills it in, or refuses.
    mp_obj_t image = standin_image_new(0, 0, 0, NULL, NULL);
    if (!camera.reset) {
        mp_raise_TypeError("not found sensor");
    }
    if (camera.pixformat == PIXFORMAT_JPEG) {
        mp_raise_msg(&mp_type_OSError, "Operation not supported on JPEG");
    }
    standin_image_t *img = MP_OBJ_TO_PTR(image);
    img->w = camera.w;
    img->h = camera.h;
    img->bpp = camera.pixformat == PIXFORMAT_GRAYSCALE ? IMAGE_BPP_GRAYSCALE
        : camera.pixformat == PIXFORMAT_BAYER ? IMAGE_BPP_BAYER : IMAGE_BPP_RGB565;
    img->pixels = standin_camera_pixels;
    img->pix_ai = standin_camera_ai;
    return image;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_snapshot_obj, 0, sensor_snapshot);

// Frames the camera takes and drops: time passes, nothing is allocated.
STATIC mp_obj_t sensor_skip_frames(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    mp_map_elem_t *time_arg = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_time),
        MP_MAP_LOOKUP);
    mp_int_t ms = time_arg != NULL ? mp_obj_get_int(time_arg->value) : 300;
    if (n_args > 0) {
        mp_int_t n = mp_obj_get_int(args[0]);
        uint64_t us = n > 0 ? (uint64_t)n * STANDIN_FRAME_US : 0;
        if (time_arg != NULL && ms >= 0 && us > (uint64_t)ms * 1000) {
            us = (uint64_t)ms * 1000;
        }
        standin_clock_advance_us(us);
    } else {
        standin_clock_advance_us(ms > 0 ? (uint64_t)ms * 1000 : 0);
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_skip_frames_obj, 0, sensor_skip_frames);

STATIC mp_obj_t sensor_set_pixformat(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    mp_int_t format = mp_obj_get_int(args[0]);
    if (format < PIXFORMAT_BAYER || format > PIXFORMAT_JPEG) {
        mp_raise_ValueError("Pixel format is not supported!");
    }
    camera.pixformat = (int)format;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_set_pixformat_obj, 1, sensor_set_pixformat);

STATIC mp_obj_t sensor_set_framesize(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    mp_int_t size = mp_obj_get_int(args[0]);
    if (size < FRAMESIZE_QQCIF || size >= FRAMESIZE_COUNT) {
        mp_raise_ValueError("arg err");
    }
    camera.framesize = (int)size;
    camera.w = resolution[size][0];
    camera.h = resolution[size][1];
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_set_framesize_obj, 1, sensor_set_framesize);

STATIC mp_obj_t sensor_set_windowing(mp_obj_t roi) {
    int res_w = resolution[camera.framesize][0];
    int res_h = resolution[camera.framesize][1];
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(roi, &len, &items);
    mp_int_t x, y, w, h;
    if (len == 4) {
        x = mp_obj_get_int(items[0]);
        y = mp_obj_get_int(items[1]);
        w = mp_obj_get_int(items[2]);
        h = mp_obj_get_int(items[3]);
    } else if (len == 2) {
        w = mp_obj_get_int(items[0]);
        h = mp_obj_get_int(items[1]);
        x = res_w / 2 - w / 2;
        y = res_h / 2 - h / 2;
    } else {
        mp_raise_ValueError("The tuple/list must either be (x, y, w, h) or (w, h)");
    }
    if (w < 8 || h < 8) {
        mp_raise_ValueError("The selected window is too small");
    }
    if (x < 0 || x + w > res_w || y < 0 || y + h > res_h) {
        mp_raise_ValueError("The selected window is outside the bounds of the frame");
    }
    if (w % 8 != 0 || h % 8 != 0) {
        mp_raise_ValueError("value must be multiple of 8");
    }
    camera.w = (int)w;
    camera.h = (int)h;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sensor_set_windowing_obj, sensor_set_windowing);

STATIC mp_obj_t sensor_width(void) {
    return MP_OBJ_NEW_SMALL_INT(resolution[camera.framesize][0]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_width_obj, sensor_width);

STATIC mp_obj_t sensor_height(void) {
    return MP_OBJ_NEW_SMALL_INT(resolution[camera.framesize][1]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_height_obj, sensor_height);

// OV2640, the camera of the Maix Dock, Bit and Go.
STATIC mp_obj_t sensor_get_id(void) {
    return MP_OBJ_NEW_SMALL_INT(0x2642);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_get_id_obj, sensor_get_id);

// Settings of the camera that change no allocation: the firmware's answer, nothing else.
STATIC mp_obj_t sensor_none_1(mp_obj_t arg) {
    (void)arg;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sensor_none_1_obj, sensor_none_1);

STATIC mp_obj_t sensor_true_1(mp_obj_t arg) {
    (void)arg;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sensor_true_1_obj, sensor_true_1);

STATIC mp_obj_t sensor_true_3(mp_obj_t a, mp_obj_t b, mp_obj_t c) {
    (void)a;
    (void)b;
    (void)c;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(sensor_true_3_obj, sensor_true_3);

STATIC mp_obj_t sensor_none_0(void) {
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_none_0_obj, sensor_none_0);

STATIC mp_obj_t sensor_none_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)args;
    (void)kw_args;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(sensor_none_kw_obj, 1, sensor_none_kw);

STATIC mp_obj_t sensor_deinit(void) {
    camera.reset = false;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_deinit_obj, sensor_deinit);

// The last frame as an image: a new 40-byte object over the frame buffer.
STATIC mp_obj_t sensor_get_fb(void) {
    mp_obj_t image = standin_image_new(camera.w, camera.h, IMAGE_BPP_RGB565,
        standin_camera_pixels, standin_camera_ai);
    standin_image_get(image)->bpp = camera.pixformat == PIXFORMAT_GRAYSCALE
        ? IMAGE_BPP_GRAYSCALE : IMAGE_BPP_RGB565;
    return image;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_get_fb_obj, sensor_get_fb);

STATIC mp_obj_t sensor_get_gain_db(void) {
    return mp_obj_new_float(8.0f);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_get_gain_db_obj, sensor_get_gain_db);

STATIC mp_obj_t sensor_get_exposure_us(void) {
    return MP_OBJ_NEW_SMALL_INT(STANDIN_FRAME_US);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_get_exposure_us_obj, sensor_get_exposure_us);

// Three floats, then their tuple.
STATIC mp_obj_t sensor_get_rgb_gain_db(void) {
    mp_obj_t gains[3] = {
        mp_obj_new_float(3.0f), mp_obj_new_float(2.0f), mp_obj_new_float(3.0f),
    };
    return mp_obj_new_tuple(3, gains);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(sensor_get_rgb_gain_db_obj, sensor_get_rgb_gain_db);

STATIC mp_obj_t sensor_write_reg(mp_obj_t addr, mp_obj_t value) {
    (void)addr;
    (void)value;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(sensor_write_reg_obj, sensor_write_reg);

STATIC mp_obj_t sensor_read_reg(mp_obj_t addr) {
    (void)addr;
    return MP_OBJ_NEW_SMALL_INT(0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sensor_read_reg_obj, sensor_read_reg);

STANDIN_NOT_MODELLED(sensor, binocular_reset);

STATIC const mp_rom_map_elem_t sensor_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_sensor) },
    { MP_ROM_QSTR(MP_QSTR_BAYER), MP_ROM_INT(PIXFORMAT_BAYER) },
    { MP_ROM_QSTR(MP_QSTR_RGB565), MP_ROM_INT(PIXFORMAT_RGB565) },
    { MP_ROM_QSTR(MP_QSTR_YUV422), MP_ROM_INT(PIXFORMAT_YUV422) },
    { MP_ROM_QSTR(MP_QSTR_GRAYSCALE), MP_ROM_INT(PIXFORMAT_GRAYSCALE) },
    { MP_ROM_QSTR(MP_QSTR_JPEG), MP_ROM_INT(PIXFORMAT_JPEG) },
    { MP_ROM_QSTR(MP_QSTR_OV9650), MP_ROM_INT(0x96) },
    { MP_ROM_QSTR(MP_QSTR_OV2640), MP_ROM_INT(0x2642) },
    { MP_ROM_QSTR(MP_QSTR_OV7725), MP_ROM_INT(0x77) },
    { MP_ROM_QSTR(MP_QSTR_MT9V034), MP_ROM_INT(0x13) },
    { MP_ROM_QSTR(MP_QSTR_LEPTON), MP_ROM_INT(0x54) },
    { MP_ROM_QSTR(MP_QSTR_NORMAL), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_NEGATIVE), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_QQCIF), MP_ROM_INT(FRAMESIZE_QQCIF) },
    { MP_ROM_QSTR(MP_QSTR_QCIF), MP_ROM_INT(FRAMESIZE_QCIF) },
    { MP_ROM_QSTR(MP_QSTR_CIF), MP_ROM_INT(FRAMESIZE_CIF) },
    { MP_ROM_QSTR(MP_QSTR_QQSIF), MP_ROM_INT(FRAMESIZE_QQSIF) },
    { MP_ROM_QSTR(MP_QSTR_QSIF), MP_ROM_INT(FRAMESIZE_QSIF) },
    { MP_ROM_QSTR(MP_QSTR_SIF), MP_ROM_INT(FRAMESIZE_SIF) },
    { MP_ROM_QSTR(MP_QSTR_QQQQVGA), MP_ROM_INT(FRAMESIZE_QQQQVGA) },
    { MP_ROM_QSTR(MP_QSTR_QQQVGA), MP_ROM_INT(FRAMESIZE_QQQVGA) },
    { MP_ROM_QSTR(MP_QSTR_QQVGA), MP_ROM_INT(FRAMESIZE_QQVGA) },
    { MP_ROM_QSTR(MP_QSTR_QVGA), MP_ROM_INT(FRAMESIZE_QVGA) },
    { MP_ROM_QSTR(MP_QSTR_VGA), MP_ROM_INT(FRAMESIZE_VGA) },
    { MP_ROM_QSTR(MP_QSTR_HQQQVGA), MP_ROM_INT(FRAMESIZE_HQQQVGA) },
    { MP_ROM_QSTR(MP_QSTR_HQQVGA), MP_ROM_INT(FRAMESIZE_HQQVGA) },
    { MP_ROM_QSTR(MP_QSTR_HQVGA), MP_ROM_INT(FRAMESIZE_HQVGA) },
    { MP_ROM_QSTR(MP_QSTR_B64X32), MP_ROM_INT(FRAMESIZE_64X32) },
    { MP_ROM_QSTR(MP_QSTR_B64X64), MP_ROM_INT(FRAMESIZE_64X64) },
    { MP_ROM_QSTR(MP_QSTR_B128X64), MP_ROM_INT(FRAMESIZE_128X64) },
    { MP_ROM_QSTR(MP_QSTR_B128X128), MP_ROM_INT(FRAMESIZE_128X128) },
    { MP_ROM_QSTR(MP_QSTR_B240X240), MP_ROM_INT(FRAMESIZE_240X240) },
    { MP_ROM_QSTR(MP_QSTR_LCD), MP_ROM_INT(FRAMESIZE_LCD) },
    { MP_ROM_QSTR(MP_QSTR_QQVGA2), MP_ROM_INT(FRAMESIZE_QQVGA2) },
    { MP_ROM_QSTR(MP_QSTR_WVGA), MP_ROM_INT(FRAMESIZE_WVGA) },
    { MP_ROM_QSTR(MP_QSTR_WVGA2), MP_ROM_INT(FRAMESIZE_WVGA2) },
    { MP_ROM_QSTR(MP_QSTR_SVGA), MP_ROM_INT(FRAMESIZE_SVGA) },
    { MP_ROM_QSTR(MP_QSTR_SXGA), MP_ROM_INT(FRAMESIZE_SXGA) },
    { MP_ROM_QSTR(MP_QSTR_UXGA), MP_ROM_INT(FRAMESIZE_UXGA) },
    { MP_ROM_QSTR(MP_QSTR_reset), MP_ROM_PTR(&sensor_reset_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&sensor_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_shutdown), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&sensor_none_0_obj) },
    { MP_ROM_QSTR(MP_QSTR_snapshot), MP_ROM_PTR(&sensor_snapshot_obj) },
    { MP_ROM_QSTR(MP_QSTR_skip_frames), MP_ROM_PTR(&sensor_skip_frames_obj) },
    { MP_ROM_QSTR(MP_QSTR_width), MP_ROM_PTR(&sensor_width_obj) },
    { MP_ROM_QSTR(MP_QSTR_height), MP_ROM_PTR(&sensor_height_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_id), MP_ROM_PTR(&sensor_get_id_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_pixformat), MP_ROM_PTR(&sensor_set_pixformat_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_framerate), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_framesize), MP_ROM_PTR(&sensor_set_framesize_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_windowing), MP_ROM_PTR(&sensor_set_windowing_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_gainceiling), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_contrast), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_brightness), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_saturation), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_colorbar), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_auto_gain), MP_ROM_PTR(&sensor_none_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_auto_exposure), MP_ROM_PTR(&sensor_none_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_auto_whitebal), MP_ROM_PTR(&sensor_none_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_hmirror), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_vflip), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_special_effect), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_lens_correction), MP_ROM_PTR(&sensor_true_3_obj) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&sensor_true_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_jb_quality), MP_ROM_PTR(&sensor_none_1_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_fb), MP_ROM_PTR(&sensor_get_fb_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_gain_db), MP_ROM_PTR(&sensor_get_gain_db_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_exposure_us), MP_ROM_PTR(&sensor_get_exposure_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_rgb_gain_db), MP_ROM_PTR(&sensor_get_rgb_gain_db_obj) },
    { MP_ROM_QSTR(MP_QSTR___write_reg), MP_ROM_PTR(&sensor_write_reg_obj) },
    { MP_ROM_QSTR(MP_QSTR___read_reg), MP_ROM_PTR(&sensor_read_reg_obj) },
    STANDIN_NOT_MODELLED_ENTRY(sensor, binocular_reset),
};
STATIC MP_DEFINE_CONST_DICT(sensor_globals, sensor_globals_table);

const mp_obj_module_t standin_sensor_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&sensor_globals,
};

MP_REGISTER_MODULE(MP_QSTR_sensor, standin_sensor_module, 1);
