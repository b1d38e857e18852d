// `Maix` (Maix/modMaix.c and its types): utils, GPIO, FPIOA, config. None of these allocates
// from the GC heap on the board except FPIOA(), an object of 8 bytes (the base alone), and
// utils.flash_read(), a buffer and a bytes copy of it. GPIO objects are static, one per pin.
#include <string.h>

#include "standin.h"

#include "py/runtime.h"

/******************************************************************************/
// utils

// gc_heap_size(): the heap the recording runs on; gc_heap_size(n) saves a setting the board
// applies at its next boot, so here it changes nothing.
STATIC mp_obj_t utils_gc_heap_size(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        return mp_obj_new_int(standin_settings()->heap_bytes);
    }
    mp_obj_get_int(args[0]);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(utils_gc_heap_size_obj, 0, 1, utils_gc_heap_size);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(utils_gc_heap_size_static, MP_ROM_PTR(&utils_gc_heap_size_obj));

// heap_free(): the system heap is not modelled; this is what a board with the default heap
// and one QVGA camera buffer reports after boot.
STATIC mp_obj_t utils_heap_free(void) {
    return MP_OBJ_NEW_SMALL_INT(2608128);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(utils_heap_free_obj, utils_heap_free);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(utils_heap_free_static, MP_ROM_PTR(&utils_heap_free_obj));

// flash_read(addr, len): a GC buffer of len, then a bytes object copied from it (the buffer is
// garbage at once). The flash reads as zeros.
STATIC mp_obj_t utils_flash_read(mp_obj_t addr, mp_obj_t len_in) {
    mp_obj_get_int(addr);
    size_t len = (size_t)mp_obj_get_int(len_in);
    byte *data = m_new(byte, len);
    memset(data, 0, len);
    return mp_obj_new_bytes(data, len);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(utils_flash_read_obj, utils_flash_read);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(utils_flash_read_static, MP_ROM_PTR(&utils_flash_read_obj));

STATIC const mp_rom_map_elem_t utils_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_gc_heap_size), MP_ROM_PTR(&utils_gc_heap_size_static) },
    { MP_ROM_QSTR(MP_QSTR_heap_free), MP_ROM_PTR(&utils_heap_free_static) },
    { MP_ROM_QSTR(MP_QSTR_flash_read), MP_ROM_PTR(&utils_flash_read_static) },
};
STATIC MP_DEFINE_CONST_DICT(utils_locals, utils_locals_table);

STATIC const mp_obj_type_t utils_type = {
    { &mp_type_type },
    .name = MP_QSTR_utils,
    .locals_dict = (mp_obj_dict_t *)&utils_locals,
};

/******************************************************************************/
// config

// get_value(key, default): no /flash/config.json here, so always the default.
STATIC mp_obj_t config_get_value(mp_obj_t key, mp_obj_t default_value) {
    (void)key;
    return default_value;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(config_get_value_obj, config_get_value);
STATIC MP_DEFINE_CONST_STATICMETHOD_OBJ(config_get_value_static, MP_ROM_PTR(&config_get_value_obj));

STATIC const mp_rom_map_elem_t config_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_get_value), MP_ROM_PTR(&config_get_value_static) },
};
STATIC MP_DEFINE_CONST_DICT(config_locals, config_locals_table);

STATIC const mp_obj_type_t config_type = {
    { &mp_type_type },
    .name = MP_QSTR_config,
    .locals_dict = (mp_obj_dict_t *)&config_locals,
};

/******************************************************************************/
// GPIO: GPIO(id, mode=GPIO.IN, pull=…, value=…) hands out the pin's static object.

#define GPIO_PINS 40  // GPIOHS0–31, then GPIO0–7

// gpio_drive_mode_t and gpio_pin_edge_t (the SDK's gpio.h).
enum { DM_INPUT, DM_INPUT_PULL_DOWN, DM_INPUT_PULL_UP, DM_OUTPUT };
enum { PE_NONE, PE_FALLING, PE_RISING, PE_BOTH };

typedef struct {
    mp_obj_base_t base;
    mp_int_t id;
    mp_int_t mode;
    mp_int_t value;
    mp_obj_t callback;
} gpio_obj_t;

extern const mp_obj_type_t standin_gpio_type;
static gpio_obj_t gpio_pins[GPIO_PINS];

STATIC mp_obj_t gpio_init_helper(gpio_obj_t *self, size_t n_args, const mp_obj_t *args,
    mp_map_t *kw_args) {
    enum { ARG_mode, ARG_pull, ARG_value };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_mode, MP_ARG_INT, {.u_int = DM_INPUT} },
        { MP_QSTR_pull, MP_ARG_INT, {.u_int = -1} },
        { MP_QSTR_value, MP_ARG_KW_ONLY | MP_ARG_OBJ, {.u_obj = MP_OBJ_NULL} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, vals);
    self->mode = vals[ARG_pull].u_int >= 0 ? vals[ARG_pull].u_int : vals[ARG_mode].u_int;
    if (vals[ARG_value].u_obj != MP_OBJ_NULL) {
        self->value = mp_obj_is_true(vals[ARG_value].u_obj);
    }
    return mp_const_none;
}

STATIC mp_obj_t gpio_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
    const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 1, MP_OBJ_FUN_ARGS_MAX, true);
    mp_int_t id = mp_obj_get_int(args[0]);
    if (id < 0 || id >= GPIO_PINS) {
        mp_raise_ValueError("invalid pin");
    }
    gpio_obj_t *self = &gpio_pins[id];
    self->base.type = &standin_gpio_type;
    self->id = id;
    if (self->callback == MP_OBJ_NULL) {
        self->callback = mp_const_none;
    }
    if (n_args > 1 || n_kw > 0) {
        mp_map_t kw_args;
        mp_map_init_fixed_table(&kw_args, n_kw, args + n_args);
        gpio_init_helper(self, n_args - 1, args + 1, &kw_args);
    }
    return MP_OBJ_FROM_PTR(self);
}

STATIC mp_obj_t gpio_init(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return gpio_init_helper(MP_OBJ_TO_PTR(args[0]), n_args - 1, args + 1, kw_args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(gpio_init_obj, 1, gpio_init);

STATIC mp_obj_t gpio_value(size_t n_args, const mp_obj_t *args) {
    gpio_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return MP_OBJ_NEW_SMALL_INT(self->value);
    }
    self->value = mp_obj_is_true(args[1]);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(gpio_value_obj, 1, 2, gpio_value);

STATIC mp_obj_t gpio_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    mp_obj_t all[2] = {self_in, n_args > 0 ? args[0] : MP_OBJ_NULL};
    return gpio_value(1 + n_args, all);
}

// irq(handler, trigger, wakeup, priority): the handler is kept; no edge ever comes.
STATIC mp_obj_t gpio_irq(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)kw_args;
    gpio_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (self->id >= 32) {
        mp_raise_ValueError("only GPIOHS pins support irq");
    }
    self->callback = n_args > 1 ? args[1] : mp_const_none;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(gpio_irq_obj, 1, gpio_irq);

STATIC mp_obj_t gpio_disirq(mp_obj_t self_in) {
    gpio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->callback = mp_const_none;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(gpio_disirq_obj, gpio_disirq);

STATIC mp_obj_t gpio_mode(size_t n_args, const mp_obj_t *args) {
    gpio_obj_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 1) {
        return MP_OBJ_NEW_SMALL_INT(self->mode);
    }
    self->mode = mp_obj_get_int(args[1]);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(gpio_mode_obj, 1, 2, gpio_mode);

STATIC void gpio_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    gpio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Pin(%d)", (int)self->id);
}

STATIC const mp_rom_map_elem_t gpio_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_init), MP_ROM_PTR(&gpio_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&gpio_value_obj) },
    { MP_ROM_QSTR(MP_QSTR_irq), MP_ROM_PTR(&gpio_irq_obj) },
    { MP_ROM_QSTR(MP_QSTR_disirq), MP_ROM_PTR(&gpio_disirq_obj) },
    { MP_ROM_QSTR(MP_QSTR_mode), MP_ROM_PTR(&gpio_mode_obj) },
    { MP_ROM_QSTR(MP_QSTR_IN), MP_ROM_INT(DM_INPUT) },
    { MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(DM_OUTPUT) },
    { MP_ROM_QSTR(MP_QSTR_PULL_NONE), MP_ROM_INT(DM_INPUT) },
    { MP_ROM_QSTR(MP_QSTR_PULL_UP), MP_ROM_INT(DM_INPUT_PULL_UP) },
    { MP_ROM_QSTR(MP_QSTR_PULL_DOWN), MP_ROM_INT(DM_INPUT_PULL_DOWN) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_NONE), MP_ROM_INT(PE_NONE) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_RISING), MP_ROM_INT(PE_RISING) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_FALLING), MP_ROM_INT(PE_FALLING) },
    { MP_ROM_QSTR(MP_QSTR_IRQ_BOTH), MP_ROM_INT(PE_BOTH) },
    { MP_ROM_QSTR(MP_QSTR_WAKEUP_NOT_SUPPORT), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS0), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS1), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS2), MP_ROM_INT(2) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS3), MP_ROM_INT(3) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS4), MP_ROM_INT(4) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS5), MP_ROM_INT(5) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS6), MP_ROM_INT(6) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS7), MP_ROM_INT(7) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS8), MP_ROM_INT(8) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS9), MP_ROM_INT(9) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS10), MP_ROM_INT(10) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS11), MP_ROM_INT(11) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS12), MP_ROM_INT(12) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS13), MP_ROM_INT(13) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS14), MP_ROM_INT(14) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS15), MP_ROM_INT(15) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS16), MP_ROM_INT(16) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS17), MP_ROM_INT(17) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS18), MP_ROM_INT(18) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS19), MP_ROM_INT(19) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS20), MP_ROM_INT(20) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS21), MP_ROM_INT(21) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS22), MP_ROM_INT(22) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS23), MP_ROM_INT(23) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS24), MP_ROM_INT(24) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS25), MP_ROM_INT(25) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS26), MP_ROM_INT(26) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS27), MP_ROM_INT(27) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS28), MP_ROM_INT(28) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS29), MP_ROM_INT(29) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS30), MP_ROM_INT(30) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS31), MP_ROM_INT(31) },
    { MP_ROM_QSTR(MP_QSTR_GPIO0), MP_ROM_INT(32) },
    { MP_ROM_QSTR(MP_QSTR_GPIO1), MP_ROM_INT(33) },
    { MP_ROM_QSTR(MP_QSTR_GPIO2), MP_ROM_INT(34) },
    { MP_ROM_QSTR(MP_QSTR_GPIO3), MP_ROM_INT(35) },
    { MP_ROM_QSTR(MP_QSTR_GPIO4), MP_ROM_INT(36) },
    { MP_ROM_QSTR(MP_QSTR_GPIO5), MP_ROM_INT(37) },
    { MP_ROM_QSTR(MP_QSTR_GPIO6), MP_ROM_INT(38) },
    { MP_ROM_QSTR(MP_QSTR_GPIO7), MP_ROM_INT(39) },
};
STATIC MP_DEFINE_CONST_DICT(gpio_locals, gpio_locals_table);

const mp_obj_type_t standin_gpio_type = {
    { &mp_type_type },
    .name = MP_QSTR_GPIO,
    .print = gpio_print,
    .make_new = gpio_make_new,
    .call = gpio_call,
    .locals_dict = (mp_obj_dict_t *)&gpio_locals,
};

/******************************************************************************/
// FPIOA: which function each of the 48 pins has.

#define FPIOA_PINS 48

static int16_t pin_function[FPIOA_PINS];
static bool pin_function_set;

static void fpioa_defaults(void) {
    if (!pin_function_set) {
        for (int i = 0; i < FPIOA_PINS; ++i) {
            pin_function[i] = -1;
        }
        pin_function_set = true;
    }
}

// FPIOA(): a new object each time (the base alone: 8 bytes asked, one block).
STATIC mp_obj_t fpioa_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw,
    const mp_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mp_obj_base_t *self = m_new_obj(mp_obj_base_t);
    self->type = type;
    return MP_OBJ_FROM_PTR(self);
}

mp_obj_t standin_fpioa_set_function(mp_obj_t pin_in, mp_obj_t function_in) {
    fpioa_defaults();
    mp_int_t pin = mp_obj_get_int(pin_in);
    mp_int_t function = mp_obj_get_int(function_in);
    if (pin < 0 || pin >= FPIOA_PINS || function < 0 || function > 255) {
        mp_raise_ValueError("pin or function out of range");
    }
    for (int i = 0; i < FPIOA_PINS; ++i) {
        if (pin_function[i] == function) {
            pin_function[i] = -1;
        }
    }
    pin_function[pin] = (int16_t)function;
    return mp_const_none;
}

mp_obj_t standin_fpioa_get_pin_num(mp_obj_t function_in) {
    fpioa_defaults();
    mp_int_t function = mp_obj_get_int(function_in);
    for (int i = 0; i < FPIOA_PINS; ++i) {
        if (pin_function[i] == function) {
            return MP_OBJ_NEW_SMALL_INT(i);
        }
    }
    return mp_const_none;
}

STATIC mp_obj_t fpioa_set_function(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)kw_args;
    if (n_args < 3) {
        mp_raise_TypeError("set_function(pin, func)");
    }
    return standin_fpioa_set_function(args[1], args[2]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(fpioa_set_function_obj, 3, fpioa_set_function);

STATIC mp_obj_t fpioa_get_pin_num(mp_obj_t self, mp_obj_t function) {
    (void)self;
    return standin_fpioa_get_pin_num(function);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(fpioa_get_pin_num_obj, fpioa_get_pin_num);

STANDIN_NOT_MODELLED(FPIOA, help);

STATIC const mp_rom_map_elem_t fpioa_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_set_function), MP_ROM_PTR(&fpioa_set_function_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_Pin_num), MP_ROM_PTR(&fpioa_get_pin_num_obj) },
    STANDIN_NOT_MODELLED_ENTRY(FPIOA, help),
    { MP_ROM_QSTR(MP_QSTR_JTAG_TCLK), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_JTAG_TDI), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_JTAG_TMS), MP_ROM_INT(2) },
    { MP_ROM_QSTR(MP_QSTR_JTAG_TDO), MP_ROM_INT(3) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D0), MP_ROM_INT(4) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D1), MP_ROM_INT(5) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D2), MP_ROM_INT(6) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D3), MP_ROM_INT(7) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D4), MP_ROM_INT(8) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D5), MP_ROM_INT(9) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D6), MP_ROM_INT(10) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_D7), MP_ROM_INT(11) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_SS0), MP_ROM_INT(12) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_SS1), MP_ROM_INT(13) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_SS2), MP_ROM_INT(14) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_SS3), MP_ROM_INT(15) },
    { MP_ROM_QSTR(MP_QSTR_SPI0_SCLK), MP_ROM_INT(17) },
    { MP_ROM_QSTR(MP_QSTR_UARTHS_RX), MP_ROM_INT(18) },
    { MP_ROM_QSTR(MP_QSTR_UARTHS_TX), MP_ROM_INT(19) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS0), MP_ROM_INT(24) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS1), MP_ROM_INT(25) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS2), MP_ROM_INT(26) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS3), MP_ROM_INT(27) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS4), MP_ROM_INT(28) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS5), MP_ROM_INT(29) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS6), MP_ROM_INT(30) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS7), MP_ROM_INT(31) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS8), MP_ROM_INT(32) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS9), MP_ROM_INT(33) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS10), MP_ROM_INT(34) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS11), MP_ROM_INT(35) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS12), MP_ROM_INT(36) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS13), MP_ROM_INT(37) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS14), MP_ROM_INT(38) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS15), MP_ROM_INT(39) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS16), MP_ROM_INT(40) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS17), MP_ROM_INT(41) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS18), MP_ROM_INT(42) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS19), MP_ROM_INT(43) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS20), MP_ROM_INT(44) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS21), MP_ROM_INT(45) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS22), MP_ROM_INT(46) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS23), MP_ROM_INT(47) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS24), MP_ROM_INT(48) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS25), MP_ROM_INT(49) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS26), MP_ROM_INT(50) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS27), MP_ROM_INT(51) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS28), MP_ROM_INT(52) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS29), MP_ROM_INT(53) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS30), MP_ROM_INT(54) },
    { MP_ROM_QSTR(MP_QSTR_GPIOHS31), MP_ROM_INT(55) },
    { MP_ROM_QSTR(MP_QSTR_GPIO0), MP_ROM_INT(56) },
    { MP_ROM_QSTR(MP_QSTR_GPIO1), MP_ROM_INT(57) },
    { MP_ROM_QSTR(MP_QSTR_GPIO2), MP_ROM_INT(58) },
    { MP_ROM_QSTR(MP_QSTR_GPIO3), MP_ROM_INT(59) },
    { MP_ROM_QSTR(MP_QSTR_GPIO4), MP_ROM_INT(60) },
    { MP_ROM_QSTR(MP_QSTR_GPIO5), MP_ROM_INT(61) },
    { MP_ROM_QSTR(MP_QSTR_GPIO6), MP_ROM_INT(62) },
    { MP_ROM_QSTR(MP_QSTR_GPIO7), MP_ROM_INT(63) },
    { MP_ROM_QSTR(MP_QSTR_UART1_RX), MP_ROM_INT(64) },
    { MP_ROM_QSTR(MP_QSTR_UART1_TX), MP_ROM_INT(65) },
    { MP_ROM_QSTR(MP_QSTR_UART2_RX), MP_ROM_INT(66) },
    { MP_ROM_QSTR(MP_QSTR_UART2_TX), MP_ROM_INT(67) },
    { MP_ROM_QSTR(MP_QSTR_UART3_RX), MP_ROM_INT(68) },
    { MP_ROM_QSTR(MP_QSTR_UART3_TX), MP_ROM_INT(69) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D0), MP_ROM_INT(70) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D1), MP_ROM_INT(71) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D2), MP_ROM_INT(72) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D3), MP_ROM_INT(73) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D4), MP_ROM_INT(74) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D5), MP_ROM_INT(75) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D6), MP_ROM_INT(76) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_D7), MP_ROM_INT(77) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_SS0), MP_ROM_INT(78) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_SS1), MP_ROM_INT(79) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_SS2), MP_ROM_INT(80) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_SS3), MP_ROM_INT(81) },
    { MP_ROM_QSTR(MP_QSTR_SPI1_SCLK), MP_ROM_INT(83) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_MCLK), MP_ROM_INT(87) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_SCLK), MP_ROM_INT(88) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_WS), MP_ROM_INT(89) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_IN_D0), MP_ROM_INT(90) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_IN_D1), MP_ROM_INT(91) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_IN_D2), MP_ROM_INT(92) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_IN_D3), MP_ROM_INT(93) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_OUT_D0), MP_ROM_INT(94) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_OUT_D1), MP_ROM_INT(95) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_OUT_D2), MP_ROM_INT(96) },
    { MP_ROM_QSTR(MP_QSTR_I2S0_OUT_D3), MP_ROM_INT(97) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_MCLK), MP_ROM_INT(98) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_SCLK), MP_ROM_INT(99) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_WS), MP_ROM_INT(100) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_IN_D0), MP_ROM_INT(101) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_IN_D1), MP_ROM_INT(102) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_IN_D2), MP_ROM_INT(103) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_IN_D3), MP_ROM_INT(104) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_OUT_D0), MP_ROM_INT(105) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_OUT_D1), MP_ROM_INT(106) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_OUT_D2), MP_ROM_INT(107) },
    { MP_ROM_QSTR(MP_QSTR_I2S1_OUT_D3), MP_ROM_INT(108) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_MCLK), MP_ROM_INT(109) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_SCLK), MP_ROM_INT(110) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_WS), MP_ROM_INT(111) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_IN_D0), MP_ROM_INT(112) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_IN_D1), MP_ROM_INT(113) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_IN_D2), MP_ROM_INT(114) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_IN_D3), MP_ROM_INT(115) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_OUT_D0), MP_ROM_INT(116) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_OUT_D1), MP_ROM_INT(117) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_OUT_D2), MP_ROM_INT(118) },
    { MP_ROM_QSTR(MP_QSTR_I2S2_OUT_D3), MP_ROM_INT(119) },
    { MP_ROM_QSTR(MP_QSTR_RESV0), MP_ROM_INT(120) },
    { MP_ROM_QSTR(MP_QSTR_RESV1), MP_ROM_INT(121) },
    { MP_ROM_QSTR(MP_QSTR_RESV2), MP_ROM_INT(122) },
    { MP_ROM_QSTR(MP_QSTR_RESV3), MP_ROM_INT(123) },
    { MP_ROM_QSTR(MP_QSTR_RESV4), MP_ROM_INT(124) },
    { MP_ROM_QSTR(MP_QSTR_RESV5), MP_ROM_INT(125) },
    { MP_ROM_QSTR(MP_QSTR_I2C0_SCLK), MP_ROM_INT(126) },
    { MP_ROM_QSTR(MP_QSTR_I2C0_SDA), MP_ROM_INT(127) },
    { MP_ROM_QSTR(MP_QSTR_I2C1_SCLK), MP_ROM_INT(128) },
    { MP_ROM_QSTR(MP_QSTR_I2C1_SDA), MP_ROM_INT(129) },
    { MP_ROM_QSTR(MP_QSTR_I2C2_SCLK), MP_ROM_INT(130) },
    { MP_ROM_QSTR(MP_QSTR_I2C2_SDA), MP_ROM_INT(131) },
    { MP_ROM_QSTR(MP_QSTR_TIMER0_TOGGLE1), MP_ROM_INT(190) },
    { MP_ROM_QSTR(MP_QSTR_TIMER0_TOGGLE2), MP_ROM_INT(191) },
    { MP_ROM_QSTR(MP_QSTR_TIMER0_TOGGLE3), MP_ROM_INT(192) },
    { MP_ROM_QSTR(MP_QSTR_TIMER0_TOGGLE4), MP_ROM_INT(193) },
    { MP_ROM_QSTR(MP_QSTR_TIMER1_TOGGLE1), MP_ROM_INT(194) },
    { MP_ROM_QSTR(MP_QSTR_TIMER1_TOGGLE2), MP_ROM_INT(195) },
    { MP_ROM_QSTR(MP_QSTR_TIMER1_TOGGLE3), MP_ROM_INT(196) },
    { MP_ROM_QSTR(MP_QSTR_TIMER1_TOGGLE4), MP_ROM_INT(197) },
    { MP_ROM_QSTR(MP_QSTR_TIMER2_TOGGLE1), MP_ROM_INT(198) },
    { MP_ROM_QSTR(MP_QSTR_TIMER2_TOGGLE2), MP_ROM_INT(199) },
    { MP_ROM_QSTR(MP_QSTR_TIMER2_TOGGLE3), MP_ROM_INT(200) },
    { MP_ROM_QSTR(MP_QSTR_TIMER2_TOGGLE4), MP_ROM_INT(201) },
};
STATIC MP_DEFINE_CONST_DICT(fpioa_locals, fpioa_locals_table);

const mp_obj_type_t standin_fpioa_type = {
    { &mp_type_type },
    .name = MP_QSTR_FPIOA,
    .make_new = fpioa_make_new,
    .locals_dict = (mp_obj_dict_t *)&fpioa_locals,
};

/******************************************************************************/
// The module

STANDIN_NOT_MODELLED(Maix, I2S);
STANDIN_NOT_MODELLED(Maix, Audio);
STANDIN_NOT_MODELLED(Maix, FFT);
STANDIN_NOT_MODELLED(Maix, MIC_ARRAY);
STANDIN_NOT_MODELLED(Maix, freq);

STATIC const mp_rom_map_elem_t maix_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_Maix) },
    { MP_ROM_QSTR(MP_QSTR_FPIOA), MP_ROM_PTR(&standin_fpioa_type) },
    { MP_ROM_QSTR(MP_QSTR_GPIO), MP_ROM_PTR(&standin_gpio_type) },
    { MP_ROM_QSTR(MP_QSTR_utils), MP_ROM_PTR(&utils_type) },
    { MP_ROM_QSTR(MP_QSTR_config), MP_ROM_PTR(&config_type) },
    STANDIN_NOT_MODELLED_ENTRY(Maix, I2S),
    STANDIN_NOT_MODELLED_ENTRY(Maix, Audio),
    STANDIN_NOT_MODELLED_ENTRY(Maix, FFT),
    STANDIN_NOT_MODELLED_ENTRY(Maix, MIC_ARRAY),
    STANDIN_NOT_MODELLED_ENTRY(Maix, freq),
};
STATIC MP_DEFINE_CONST_DICT(maix_globals, maix_globals_table);

const mp_obj_module_t standin_maix_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&maix_globals,
};

MP_REGISTER_MODULE(MP_QSTR_Maix, standin_maix_module, 1);
