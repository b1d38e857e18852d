// `fpioa_manager` (its class `fm`) and `board` (its class `board_info`): on the board these
// are frozen Python (builtin_py/fpioa_manager.py, board.py) whose import builds their classes
// on the GC heap once, a few hundred bytes, which the stand-ins (C, nothing on import) leave
// out; their calls allocate nothing.
//
// board_info holds the Maix Dock's pins, as its /flash/config.json gives them.
#include "standin.h"

#include "py/runtime.h"

mp_obj_t standin_fpioa_set_function(mp_obj_t pin, mp_obj_t function);
mp_obj_t standin_fpioa_get_pin_num(mp_obj_t function);
extern const mp_obj_type_t standin_fpioa_type;

// fm.fpioa: the FPIOA() the class made when it was imported.
STATIC const mp_obj_base_t fm_fpioa = { &standin_fpioa_type };

// fm.register(pin, function, force=True): the function moves to the pin; a function already on
// another pin is a warning, or with force=False an Exception.
STATIC mp_obj_t fm_register(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_pin, ARG_function, ARG_force };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_pin, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_function, MP_ARG_REQUIRED | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
        { MP_QSTR_force, MP_ARG_BOOL, {.u_bool = true} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, vals);
    mp_obj_t pin = vals[ARG_pin].u_obj;
    mp_obj_t function = vals[ARG_function].u_obj;
    mp_obj_t used = standin_fpioa_get_pin_num(function);
    if (used != mp_const_none && mp_obj_get_int(used) == mp_obj_get_int(pin)) {
        return mp_const_none;
    }
    if (used != mp_const_none) {
        if (!vals[ARG_force].u_bool) {
            mp_raise_msg(&mp_type_Exception, "[Warning] function is used by another pin");
        }
        mp_printf(&mp_plat_print, "[Warning] function %d is used by pin %d\n",
            (int)mp_obj_get_int(function), (int)mp_obj_get_int(used));
    }
    return standin_fpioa_set_function(pin, function);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(fm_register_obj, 2, fm_register);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(fm_register_static, MP_ROM_PTR(&fm_register_obj));

// fm.unregister(pin): the pin goes back to RESV0.
STATIC mp_obj_t fm_unregister(mp_obj_t pin) {
    return standin_fpioa_set_function(pin, MP_OBJ_NEW_SMALL_INT(120));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fm_unregister_obj, fm_unregister);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(fm_unregister_static, MP_ROM_PTR(&fm_unregister_obj));

STATIC MP_DEFINE_CONST_FUN_OBJ_1(fm_get_pin_by_function_obj, standin_fpioa_get_pin_num);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(fm_get_pin_by_function_static,
    MP_ROM_PTR(&fm_get_pin_by_function_obj));

STANDIN_NOT_MODELLED(fm, help);
STANDIN_NOT_MODELLED(fm, str_function);
STANDIN_NOT_MODELLED(fm, get_gpio_used);

STATIC const mp_rom_map_elem_t fm_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_fpioa), MP_ROM_PTR(&fm_fpioa) },
    { MP_ROM_QSTR(MP_QSTR_register), MP_ROM_PTR(&fm_register_static) },
    { MP_ROM_QSTR(MP_QSTR_unregister), MP_ROM_PTR(&fm_unregister_static) },
    { MP_ROM_QSTR(MP_QSTR_get_pin_by_function), MP_ROM_PTR(&fm_get_pin_by_function_static) },
    STANDIN_NOT_MODELLED_ENTRY(fm, help),
    STANDIN_NOT_MODELLED_ENTRY(fm, str_function),
    STANDIN_NOT_MODELLED_ENTRY(fm, get_gpio_used),
};
STATIC MP_DEFINE_CONST_DICT(fm_locals, fm_locals_table);

STATIC const mp_obj_type_t fm_type = {
    { &mp_type_type },
    .name = MP_QSTR_fm,
    .locals_dict = (mp_obj_dict_t *)&fm_locals,
};

STATIC const mp_rom_map_elem_t fpioa_manager_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_fpioa_manager) },
    { MP_ROM_QSTR(MP_QSTR_fm), MP_ROM_PTR(&fm_type) },
    { MP_ROM_QSTR(MP_QSTR_FPIOA), MP_ROM_PTR(&standin_fpioa_type) },
};
STATIC MP_DEFINE_CONST_DICT(fpioa_manager_globals, fpioa_manager_globals_table);

const mp_obj_module_t standin_fpioa_manager_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&fpioa_manager_globals,
};

MP_REGISTER_MODULE(MP_QSTR_fpioa_manager, standin_fpioa_manager_module, 1);

STANDIN_NOT_MODELLED(board_info, set);
STANDIN_NOT_MODELLED(board_info, all);
STANDIN_NOT_MODELLED(board_info, get);
STANDIN_NOT_MODELLED(board_info, load);

STATIC const mp_rom_map_elem_t board_info_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_BOOT_KEY), MP_ROM_INT(16) },
    { MP_ROM_QSTR(MP_QSTR_LED_R), MP_ROM_INT(14) },
    { MP_ROM_QSTR(MP_QSTR_LED_G), MP_ROM_INT(13) },
    { MP_ROM_QSTR(MP_QSTR_LED_B), MP_ROM_INT(12) },
    { MP_ROM_QSTR(MP_QSTR_WIFI_TX), MP_ROM_INT(6) },
    { MP_ROM_QSTR(MP_QSTR_WIFI_RX), MP_ROM_INT(7) },
    { MP_ROM_QSTR(MP_QSTR_WIFI_EN), MP_ROM_INT(8) },
    { MP_ROM_QSTR(MP_QSTR_MIC0_WS), MP_ROM_INT(30) },
    { MP_ROM_QSTR(MP_QSTR_MIC0_DATA), MP_ROM_INT(20) },
    { MP_ROM_QSTR(MP_QSTR_MIC0_BCK), MP_ROM_INT(32) },
    { MP_ROM_QSTR(MP_QSTR_I2S_WS), MP_ROM_INT(33) },
    { MP_ROM_QSTR(MP_QSTR_I2S_DA), MP_ROM_INT(34) },
    { MP_ROM_QSTR(MP_QSTR_I2S_BCK), MP_ROM_INT(35) },
    STANDIN_NOT_MODELLED_ENTRY(board_info, set),
    STANDIN_NOT_MODELLED_ENTRY(board_info, all),
    STANDIN_NOT_MODELLED_ENTRY(board_info, get),
    STANDIN_NOT_MODELLED_ENTRY(board_info, load),
};
STATIC MP_DEFINE_CONST_DICT(board_info_locals, board_info_locals_table);

STATIC const mp_obj_type_t board_info_type = {
    { &mp_type_type },
    .name = MP_QSTR_board_info,
    .locals_dict = (mp_obj_dict_t *)&board_info_locals,
};

STATIC const mp_rom_map_elem_t board_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_board) },
    { MP_ROM_QSTR(MP_QSTR_board_info), MP_ROM_PTR(&board_info_type) },
};
STATIC MP_DEFINE_CONST_DICT(board_globals, board_globals_table);

const mp_obj_module_t standin_board_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&board_globals,
};

MP_REGISTER_MODULE(MP_QSTR_board, standin_board_module, 1);
