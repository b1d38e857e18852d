// `lcd` (omv/py/py_lcd.c): the display. Nothing here touches the GC heap on the board either:
// the LCD's buffer and draw_string's scratch are the system heap's, and display() sends an
// image's pixels as they are. display() checks its argument is an image it can show.
#include "standin.h"

#include "py/runtime.h"

static struct {
    mp_int_t width, height, freq, rotation, mirror, backlight;
    bool on;
} panel = {320, 240, 15000000, 0, 0, 1, false};

STATIC mp_obj_t lcd_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_type, ARG_freq, ARG_color, ARG_width, ARG_height };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_type, MP_ARG_INT, {.u_int = 1} },
        { MP_QSTR_freq, MP_ARG_INT, {.u_int = 15000000} },
        { MP_QSTR_color, MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_width, MP_ARG_INT, {.u_int = 320} },
        { MP_QSTR_height, MP_ARG_INT, {.u_int = 240} },
        { MP_QSTR_invert, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_offset_w0, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_offset_h0, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_offset_w1, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_offset_h1, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_rst, MP_ARG_INT, {.u_int = 37} },
        { MP_QSTR_dcx, MP_ARG_INT, {.u_int = 38} },
        { MP_QSTR_ss, MP_ARG_INT, {.u_int = 36} },
        { MP_QSTR_clk, MP_ARG_INT, {.u_int = 39} },
        { MP_QSTR_lcd_type, MP_ARG_INT | MP_ARG_KW_ONLY, {.u_int = 0} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, vals);
    panel.freq = vals[ARG_freq].u_int;
    panel.width = vals[ARG_width].u_int;
    panel.height = vals[ARG_height].u_int;
    panel.on = vals[ARG_type].u_int != 0;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(lcd_init_obj, 0, lcd_init);

STATIC mp_obj_t lcd_deinit(void) {
    panel.on = false;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(lcd_deinit_obj, lcd_deinit);

// Width and height as the rotation turns them.
STATIC mp_obj_t lcd_width(void) {
    return MP_OBJ_NEW_SMALL_INT(panel.rotation % 2 ? panel.height : panel.width);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(lcd_width_obj, lcd_width);

STATIC mp_obj_t lcd_height(void) {
    return MP_OBJ_NEW_SMALL_INT(panel.rotation % 2 ? panel.width : panel.height);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(lcd_height_obj, lcd_height);

STATIC mp_obj_t lcd_type(void) {
    return MP_OBJ_NEW_SMALL_INT(panel.on ? 1 : 0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(lcd_type_obj, lcd_type);

STATIC mp_obj_t lcd_freq(size_t n_args, const mp_obj_t *args) {
    if (n_args > 0) {
        panel.freq = mp_obj_get_int(args[0]);
    }
    return mp_obj_new_int(panel.freq);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(lcd_freq_obj, 0, 1, lcd_freq);

STATIC mp_obj_t lcd_set_backlight(mp_obj_t state) {
    panel.backlight = mp_obj_get_int(state);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(lcd_set_backlight_obj, lcd_set_backlight);

STATIC mp_obj_t lcd_get_backlight(void) {
    return MP_OBJ_NEW_SMALL_INT(panel.backlight);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(lcd_get_backlight_obj, lcd_get_backlight);

// display(img, roi=…, oft=…): the image must be one the panel can draw.
STATIC mp_obj_t lcd_display(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    standin_image_t *img = standin_image_get(args[0]);
    if (img->bpp < IMAGE_BPP_BINARY || img->bpp > IMAGE_BPP_RGB565) {
        mp_raise_msg(&mp_type_OSError, "Image format is not supported.");
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(lcd_display_obj, 1, lcd_display);

STATIC mp_obj_t lcd_none_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)args;
    (void)kw_args;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(lcd_none_kw_obj, 0, lcd_none_kw);

STATIC mp_obj_t lcd_none_var(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    (void)args;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(lcd_none_var_obj, 0, 6, lcd_none_var);

STATIC mp_obj_t lcd_direction(mp_obj_t dir) {
    mp_obj_get_int(dir);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(lcd_direction_obj, lcd_direction);

STATIC mp_obj_t lcd_rotation(size_t n_args, const mp_obj_t *args) {
    if (n_args > 0) {
        mp_int_t r = mp_obj_get_int(args[0]);
        if (r < 0 || r > 3) {
            mp_raise_ValueError("rotation must be 0 to 3");
        }
        panel.rotation = r;
    }
    return MP_OBJ_NEW_SMALL_INT(panel.rotation);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(lcd_rotation_obj, 0, 1, lcd_rotation);

STATIC mp_obj_t lcd_mirror(size_t n_args, const mp_obj_t *args) {
    if (n_args > 0) {
        panel.mirror = mp_obj_is_true(args[0]);
    }
    return MP_OBJ_NEW_SMALL_INT(panel.mirror ? 1 : 0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(lcd_mirror_obj, 0, 1, lcd_mirror);

STATIC mp_obj_t lcd_register(mp_obj_t addr, mp_obj_t data) {
    (void)addr;
    (void)data;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(lcd_register_obj, lcd_register);

STATIC const mp_rom_map_elem_t lcd_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_lcd) },
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&lcd_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&lcd_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR_width), MP_ROM_PTR(&lcd_width_obj) },
    { MP_ROM_QSTR(MP_QSTR_height), MP_ROM_PTR(&lcd_height_obj) },
    { MP_ROM_QSTR(MP_QSTR_type), MP_ROM_PTR(&lcd_type_obj) },
    { MP_ROM_QSTR(MP_QSTR_freq), MP_ROM_PTR(&lcd_freq_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_backlight), MP_ROM_PTR(&lcd_set_backlight_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_backlight), MP_ROM_PTR(&lcd_get_backlight_obj) },
    { MP_ROM_QSTR(MP_QSTR_display), MP_ROM_PTR(&lcd_display_obj) },
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&lcd_none_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_direction), MP_ROM_PTR(&lcd_direction_obj) },
    { MP_ROM_QSTR(MP_QSTR_rotation), MP_ROM_PTR(&lcd_rotation_obj) },
    { MP_ROM_QSTR(MP_QSTR_mirror), MP_ROM_PTR(&lcd_mirror_obj) },
    { MP_ROM_QSTR(MP_QSTR_bgr_to_rgb), MP_ROM_PTR(&lcd_none_var_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_string), MP_ROM_PTR(&lcd_none_var_obj) },
    { MP_ROM_QSTR(MP_QSTR_fill_rectangle), MP_ROM_PTR(&lcd_none_var_obj) },
    { MP_ROM_QSTR(MP_QSTR_register), MP_ROM_PTR(&lcd_register_obj) },
    { MP_ROM_QSTR(MP_QSTR_XY_RLUD), MP_ROM_INT(0x00) },
    { MP_ROM_QSTR(MP_QSTR_YX_RLUD), MP_ROM_INT(0x20) },
    { MP_ROM_QSTR(MP_QSTR_XY_LRUD), MP_ROM_INT(0x40) },
    { MP_ROM_QSTR(MP_QSTR_YX_LRUD), MP_ROM_INT(0x60) },
    { MP_ROM_QSTR(MP_QSTR_XY_RLDU), MP_ROM_INT(0x80) },
    { MP_ROM_QSTR(MP_QSTR_YX_RLDU), MP_ROM_INT(0xA0) },
    { MP_ROM_QSTR(MP_QSTR_XY_LRDU), MP_ROM_INT(0xC0) },
    { MP_ROM_QSTR(MP_QSTR_YX_LRDU), MP_ROM_INT(0xE0) },
    { MP_ROM_QSTR(MP_QSTR_BLACK), MP_ROM_INT(0x0000) },
    { MP_ROM_QSTR(MP_QSTR_NAVY), MP_ROM_INT(0x000F) },
    { MP_ROM_QSTR(MP_QSTR_DARKGREEN), MP_ROM_INT(0x03E0) },
    { MP_ROM_QSTR(MP_QSTR_DARKCYAN), MP_ROM_INT(0x03EF) },
    { MP_ROM_QSTR(MP_QSTR_MAROON), MP_ROM_INT(0x7800) },
    { MP_ROM_QSTR(MP_QSTR_PURPLE), MP_ROM_INT(0x780F) },
    { MP_ROM_QSTR(MP_QSTR_OLIVE), MP_ROM_INT(0x7BE0) },
    { MP_ROM_QSTR(MP_QSTR_LIGHTGREY), MP_ROM_INT(0xC618) },
    { MP_ROM_QSTR(MP_QSTR_DARKGREY), MP_ROM_INT(0x7BEF) },
    { MP_ROM_QSTR(MP_QSTR_BLUE), MP_ROM_INT(0x001F) },
    { MP_ROM_QSTR(MP_QSTR_GREEN), MP_ROM_INT(0x07E0) },
    { MP_ROM_QSTR(MP_QSTR_CYAN), MP_ROM_INT(0x07FF) },
    { MP_ROM_QSTR(MP_QSTR_RED), MP_ROM_INT(0xF800) },
    { MP_ROM_QSTR(MP_QSTR_MAGENTA), MP_ROM_INT(0xF81F) },
    { MP_ROM_QSTR(MP_QSTR_YELLOW), MP_ROM_INT(0xFFE0) },
    { MP_ROM_QSTR(MP_QSTR_WHITE), MP_ROM_INT(0xFFFF) },
    { MP_ROM_QSTR(MP_QSTR_ORANGE), MP_ROM_INT(0xFD20) },
    { MP_ROM_QSTR(MP_QSTR_GREENYELLOW), MP_ROM_INT(0xAFE5) },
    { MP_ROM_QSTR(MP_QSTR_PINK), MP_ROM_INT(0xF81F) },
};
STATIC MP_DEFINE_CONST_DICT(lcd_globals, lcd_globals_table);

const mp_obj_module_t standin_lcd_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&lcd_globals,
};

MP_REGISTER_MODULE(MP_QSTR_lcd, standin_lcd_module, 1);
