// `time` as MaixPy has it (standard_lib/utime/modutime.c): MicroPython's utime calls plus
// OpenMV's clock object (clock.tick(), clock.fps()). The unix port has no `time` (only
// `utime`, which stays the unix port's own: real time, and a float clock()).
//
// Time here is virtual, so a recording is the same on every run and never waits: it starts at
// 0, a snapshot takes one frame period of the camera (STANDIN_FRAME_US), sleep() advances the
// clock and returns at once, and every reading advances it by 1 us (a loop waiting for the
// clock to pass a value ends). GC allocations are the firmware's: a clock object (24 bytes) per
// time.clock(), a float per clock.fps() and clock.avg(), an 8-tuple per localtime().
#include "standin.h"

#include "../gcsim_record/recorder_api.h"
#include "extmod/utime_mphal.h"
#include "lib/timeutils/timeutils.h"
#include "py/runtime.h"
#include "py/smallint.h"

static uint64_t clock_us;

uint64_t standin_clock_us(void) {
    return clock_us;
}

void standin_clock_advance_us(uint64_t us) {
    clock_us += us;
}

static uint64_t read_us(void) {
    return ++clock_us;
}

static uint32_t read_ms(void) {
    return (uint32_t)(read_us() / 1000);
}

// The clock (py_clock_obj_t): the base and three 32-bit counters, 24 bytes.
typedef struct {
    mp_obj_base_t base;
    uint32_t t_start;
    uint32_t t_ticks;
    uint32_t t_frame;
} clock_obj_t;

STATIC mp_obj_t clock_tick(mp_obj_t self_in) {
    clock_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->t_start = read_ms();
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(clock_tick_obj, clock_tick);

// Frames per second over the frames since the last reset, which happens every 2 s of ticks.
STATIC mp_obj_t clock_fps(mp_obj_t self_in) {
    clock_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->t_frame++;
    self->t_ticks += read_ms() - self->t_start;
    float fps = 1000.0f / (self->t_ticks / (float)self->t_frame);
    if (self->t_ticks >= 2000) {
        self->t_frame = 0;
        self->t_ticks = 0;
    }
    return mp_obj_new_float(fps);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(clock_fps_obj, clock_fps);

STATIC mp_obj_t clock_avg(mp_obj_t self_in) {
    clock_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->t_frame++;
    self->t_ticks += read_ms() - self->t_start;
    return mp_obj_new_float(self->t_ticks / (float)self->t_frame);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(clock_avg_obj, clock_avg);

STATIC mp_obj_t clock_reset(mp_obj_t self_in) {
    clock_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->t_start = 0;
    self->t_ticks = 0;
    self->t_frame = 0;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(clock_reset_obj, clock_reset);

STATIC void clock_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    clock_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "t_start:%d t_ticks:%d t_frame:%d\n", (int)self->t_start,
        (int)self->t_ticks, (int)self->t_frame);
}

STATIC const mp_rom_map_elem_t clock_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_tick), MP_ROM_PTR(&clock_tick_obj) },
    { MP_ROM_QSTR(MP_QSTR_fps), MP_ROM_PTR(&clock_fps_obj) },
    { MP_ROM_QSTR(MP_QSTR_avg), MP_ROM_PTR(&clock_avg_obj) },
    { MP_ROM_QSTR(MP_QSTR_reset), MP_ROM_PTR(&clock_reset_obj) },
};
STATIC MP_DEFINE_CONST_DICT(clock_locals, clock_locals_table);

STATIC const mp_obj_type_t clock_type = {
    { &mp_type_type },
    .name = MP_QSTR_clock,
    .print = clock_print,
    .locals_dict = (mp_obj_dict_t *)&clock_locals,
};

STATIC mp_obj_t time_clock(void) {
    clock_obj_t *clock = m_new_obj(clock_obj_t);
    gcsim_record_set_type(clock, EVENT_TYPE_CLOCK);
    clock->base.type = &clock_type;
    clock->t_start = 0;
    clock->t_ticks = 0;
    clock->t_frame = 0;
    return MP_OBJ_FROM_PTR(clock);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(time_clock_obj, time_clock);

STATIC mp_obj_t time_ticks_ms(void) {
    return MP_OBJ_NEW_SMALL_INT(read_ms() & (MICROPY_PY_UTIME_TICKS_PERIOD - 1));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_ms_obj, time_ticks_ms);

STATIC mp_obj_t time_ticks_us(void) {
    return MP_OBJ_NEW_SMALL_INT(read_us() & (MICROPY_PY_UTIME_TICKS_PERIOD - 1));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_us_obj, time_ticks_us);

STATIC mp_obj_t time_sleep(mp_obj_t seconds) {
    standin_clock_advance_us((uint64_t)(mp_obj_get_float(seconds) * 1000000));
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_obj, time_sleep);

STATIC mp_obj_t time_sleep_ms(mp_obj_t ms) {
    mp_int_t n = mp_obj_get_int(ms);
    standin_clock_advance_us(n > 0 ? (uint64_t)n * 1000 : 0);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_ms_obj, time_sleep_ms);

STATIC mp_obj_t time_sleep_us(mp_obj_t us) {
    mp_int_t n = mp_obj_get_int(us);
    standin_clock_advance_us(n > 0 ? (uint64_t)n : 0);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_us_obj, time_sleep_us);

// Seconds since 2000-01-01, the RTC's epoch (a board without a set RTC starts there too).
STATIC mp_obj_t time_time(void) {
    return mp_obj_new_int_from_uint((mp_uint_t)(read_us() / 1000000));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(time_time_obj, time_time);

STATIC mp_obj_t time_localtime(size_t n_args, const mp_obj_t *args) {
    mp_uint_t seconds = n_args == 0 || args[0] == mp_const_none
        ? (mp_uint_t)(read_us() / 1000000) : (mp_uint_t)mp_obj_get_int(args[0]);
    timeutils_struct_time_t tm;
    timeutils_seconds_since_2000_to_struct_time(seconds, &tm);
    mp_obj_t items[8] = {
        mp_obj_new_int(tm.tm_year), mp_obj_new_int(tm.tm_mon), mp_obj_new_int(tm.tm_mday),
        mp_obj_new_int(tm.tm_hour), mp_obj_new_int(tm.tm_min), mp_obj_new_int(tm.tm_sec),
        mp_obj_new_int(tm.tm_wday), mp_obj_new_int(tm.tm_yday),
    };
    return mp_obj_new_tuple(8, items);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(time_localtime_obj, 0, 1, time_localtime);

STATIC mp_obj_t time_mktime(mp_obj_t tuple) {
    size_t len;
    mp_obj_t *elem;
    mp_obj_get_array(tuple, &len, &elem);
    if (len < 8 || len > 9) {
        mp_raise_TypeError("mktime needs a tuple of length 8 or 9");
    }
    return mp_obj_new_int_from_uint(timeutils_mktime(mp_obj_get_int(elem[0]),
        mp_obj_get_int(elem[1]), mp_obj_get_int(elem[2]), mp_obj_get_int(elem[3]),
        mp_obj_get_int(elem[4]), mp_obj_get_int(elem[5])));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(time_mktime_obj, time_mktime);

// The RTC is not modelled: setting it changes nothing here, as the firmware's answer says.
STATIC mp_obj_t time_set_time(mp_obj_t tuple) {
    (void)tuple;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(time_set_time_obj, time_set_time);

STATIC const mp_rom_map_elem_t time_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_utime) },
    { MP_ROM_QSTR(MP_QSTR_localtime), MP_ROM_PTR(&time_localtime_obj) },
    { MP_ROM_QSTR(MP_QSTR_mktime), MP_ROM_PTR(&time_mktime_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_time), MP_ROM_PTR(&time_set_time_obj) },
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&time_time_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep), MP_ROM_PTR(&time_sleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_ms), MP_ROM_PTR(&time_sleep_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_us), MP_ROM_PTR(&time_sleep_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_ms), MP_ROM_PTR(&time_ticks_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_us), MP_ROM_PTR(&time_ticks_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_cpu), MP_ROM_PTR(&time_ticks_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_add), MP_ROM_PTR(&mp_utime_ticks_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_diff), MP_ROM_PTR(&mp_utime_ticks_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks), MP_ROM_PTR(&time_ticks_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_clock), MP_ROM_PTR(&time_clock_obj) },
};
STATIC MP_DEFINE_CONST_DICT(time_globals, time_globals_table);

const mp_obj_module_t standin_time_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&time_globals,
};

MP_REGISTER_MODULE(MP_QSTR_time, standin_time_module, 1);
