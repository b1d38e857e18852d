// `KPU` (Maix/Maix_kpu.c), imported as `import KPU as kpu`: the K210's neural network unit.
// No model is loaded or run; the stand-in keeps what the firmware puts on the GC heap:
//
//   load(addr | path), load_flash(…)   net object 64 bytes with a finaliser ("kpu_net"); a path
//                                      also its str unless already interned
//   init_yolo2(task, th, nms, n, a)    args object 48 ("kpu_yolo2"), 2 floats, 2n anchor floats,
//                                      then their tuple
//   run_yolo2(task, img)               None, or a list (32 + items) of detections, each 72
//                                      ("kpu_yolo2_find") and its probability float
//   forward(task, img), get_output()   feature map object 32 ("kpu_fmap"); its values are KPU
//                                      memory, not the GC heap
//   fmap[:] / fmap[i]                  a tuple of n floats (the tuple first) / one float
//   det.rect()                         a 4-tuple, 48
//   face_encode(list)                  a bytearray of len(list)
//   face_compare(a, b)                 a float
//   deinit(task)                       frees the yolo2 args object (gc_free)
//
// Values per forward() come from GCSIM_KPU_OUTPUT (by model, default 1000) unless the script
// sets the shape with set_outputs(); detections per run_yolo2 from GCSIM_DETECTIONS. Scores,
// boxes and features are made up (standin_unit_value), the same on every run.
#include <stdlib.h>
#include <string.h>

#include "standin.h"

#include "../gcsim_record/recorder_api.h"
#include "py/objlist.h"
#include "py/runtime.h"

#define MAX_OUTPUTS 8
#define MAX_ANCHORS 32

// What kmodel_ctx points at: the outputs' sizes and the KPU memory they are read from (the
// system heap on the board, the C heap here).
typedef struct {
    size_t outputs[MAX_OUTPUTS];  // values per output; 0: not set by set_outputs
    size_t default_output;        // GCSIM_KPU_OUTPUT's figure for this model
    float *memory;
    size_t memory_values;
} model_t;

// py_kpu_net_obj_t: 64 bytes.
typedef struct {
    mp_obj_base_t base;
    model_t *model;
    mp_obj_t model_size;
    mp_obj_t model_addr;
    mp_obj_t model_path;
    mp_obj_t max_layers;
    mp_obj_t net_args;    // the yolo2 args object, or None
    mp_obj_t net_deinit;  // True while net_args needs freeing, else None
} net_t;

// py_kpu_class_yolo_args_obj_t: 48 bytes.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t threshold;
    mp_obj_t nms_value;
    mp_obj_t anchor_number;
    mp_obj_t anchor;
    float *anchors;  // the firmware's rl_args: a C-heap copy of the anchors
} yolo2_args_t;

// py_kpu_class_yolo2_find_obj_t: 72 bytes.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t x, y, w, h, classid, index, value, objnum;
} detection_t;

// py_kpu_fmap_obj_t: 32 bytes.
typedef struct {
    mp_obj_base_t base;
    float *data;
    uint32_t size;  // bytes
    uint16_t index;
    uint16_t w;
    uint16_t h;
    uint16_t ch;
    uint16_t typecode;
} fmap_t;

STATIC const mp_obj_type_t net_type;
STATIC const mp_obj_type_t yolo2_args_type;
STATIC const mp_obj_type_t detection_type;
STATIC const mp_obj_type_t fmap_type;

static uint64_t forward_calls;
static uint64_t yolo2_calls;

static net_t *get_net(mp_obj_t obj) {
    if (!mp_obj_is_type(obj, &net_type)) {
        mp_raise_TypeError("[MAIXPY]kpu: kpu_net type error");
    }
    return MP_OBJ_TO_PTR(obj);
}

// check_img_format: the KPU reads the image's AI buffer.
static void check_image(mp_obj_t obj) {
    standin_image_t *img = standin_image_get(obj);
    if (img->pix_ai == NULL) {
        mp_printf(&mp_plat_print, "[MAIXPY]kpu: pix_ai is NULL!\r\n");
        mp_raise_ValueError("[MAIXPY]kpu: check img format err!\r\n");
    }
    if (img->bpp != IMAGE_BPP_GRAYSCALE && img->bpp != IMAGE_BPP_RGB565) {
        mp_printf(&mp_plat_print, "[MAIXPY]kpu: img bpp not support yet!\r\n");
        mp_raise_ValueError("[MAIXPY]kpu: check img format err!\r\n");
    }
}

/******************************************************************************/
// The net

// load and load_flash: the object first; its fields as the firmware fills them.
static mp_obj_t new_net(mp_obj_t model) {
    net_t *net = m_new_obj_with_finaliser(net_t);
    gcsim_record_set_type(net, EVENT_TYPE_KPU_NET);
    net->base.type = &net_type;
    net->model = NULL;
    net->net_args = mp_const_none;
    net->net_deinit = mp_const_none;
    net->model_size = MP_OBJ_NEW_SMALL_INT(0);
    net->max_layers = MP_OBJ_NEW_SMALL_INT(0);
    if (mp_obj_is_int(model)) {
        if (mp_obj_get_int(model) <= 0) {
            m_del_obj(net_t, net);
            mp_raise_ValueError("[MAIXPY]kpu: model_addr must > 0 ");
        }
        net->model_addr = model;
        net->model_path = mp_const_none;
    } else if (mp_obj_is_str(model)) {
        size_t len;
        const char *path = mp_obj_str_get_data(model, &len);
        net->model_path = mp_obj_new_str(path, len);
        net->model_addr = mp_const_none;
        if (strstr(path, ".kmodel") == NULL && strstr(path, ".smodel") == NULL
            && strstr(path, ".emodel") == NULL) {
            m_del_obj(net_t, net);
            mp_raise_ValueError("[MAIXPY]kpu: model format don't match, only supply .kmodel ");
        }
    } else {
        m_del_obj(net_t, net);
        mp_raise_TypeError("[MAIXPY]kpu: only accept int or string");
    }
    model_t *m = calloc(1, sizeof(model_t));
    if (m == NULL) {
        mp_raise_msg(&mp_type_MemoryError, "kpu: load error:2006, ERR_NO_MEM");
    }
    m->default_output = standin_kpu_output_for(model);
    net->model = m;
    return MP_OBJ_FROM_PTR(net);
}

STATIC mp_obj_t kpu_load(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    return new_net(args[0]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_load_obj, 1, kpu_load);

STATIC mp_obj_t kpu_load_flash(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)kw_args;
    for (size_t i = 0; i < 4 && i < n_args; ++i) {
        if (!mp_obj_is_int(args[i])) {
            mp_raise_ValueError("[MAIXPY]kpu: load_flash arg format error: "
                "task=kpu.load_flash(flash_addr, is_dual_buf, batch_size, spi_speed)");
        }
    }
    return new_net(args[0]);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_load_flash_obj, 4, kpu_load_flash);

STATIC mp_obj_t kpu_deinit(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    net_t *net = get_net(args[0]);
    if (net->model != NULL) {
        free(net->model->memory);
        free(net->model);
        net->model = NULL;
    }
    if (net->net_deinit != mp_const_none) {
        yolo2_args_t *yolo = MP_OBJ_TO_PTR(net->net_args);
        free(yolo->anchors);
        yolo->anchors = NULL;
        net->net_deinit = mp_const_none;
        m_del_obj(yolo2_args_t, yolo);
        net->net_args = mp_const_none;
    }
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_deinit_obj, 1, kpu_deinit);

// The finaliser: what the firmware prints, then deinit.
STATIC mp_obj_t net_del(mp_obj_t self) {
    mp_printf(&mp_plat_print, "kpu_net __del__\r\n");
    kpu_deinit(1, &self, NULL);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(net_del_obj, net_del);

STATIC mp_obj_t net_model_addr(mp_obj_t self) {
    return get_net(self)->model_addr;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(net_model_addr_obj, net_model_addr);

STATIC mp_obj_t net_model_size(mp_obj_t self) {
    return get_net(self)->model_size;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(net_model_size_obj, net_model_size);

STATIC mp_obj_t net_model_path(mp_obj_t self) {
    return get_net(self)->model_path;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(net_model_path_obj, net_model_path);

STATIC mp_obj_t net_arg(mp_obj_t self) {
    return get_net(self)->net_args;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(net_arg_obj, net_arg);

STATIC void net_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    net_t *net = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "{\"model_addr\": %d, \"model_size\": %d, \"model_path\": \"%s\"}",
        mp_obj_is_int(net->model_addr) ? (int)mp_obj_get_int(net->model_addr) : 0,
        (int)mp_obj_get_int(net->model_size),
        mp_obj_is_str(net->model_path) ? mp_obj_str_get_str(net->model_path) : "(null)");
}

STATIC const mp_rom_map_elem_t net_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&net_del_obj) },
    { MP_ROM_QSTR(MP_QSTR_model_addr), MP_ROM_PTR(&net_model_addr_obj) },
    { MP_ROM_QSTR(MP_QSTR_model_size), MP_ROM_PTR(&net_model_size_obj) },
    { MP_ROM_QSTR(MP_QSTR_model_path), MP_ROM_PTR(&net_model_path_obj) },
    { MP_ROM_QSTR(MP_QSTR_net_arg), MP_ROM_PTR(&net_arg_obj) },
};
STATIC MP_DEFINE_CONST_DICT(net_locals, net_locals_table);

STATIC const mp_obj_type_t net_type = {
    { &mp_type_type },
    .name = MP_QSTR_kpu_net,
    .print = net_print,
    .locals_dict = (mp_obj_dict_t *)&net_locals,
};

/******************************************************************************/
// Feature maps

static size_t output_values(model_t *m, size_t index) {
    if (index < MAX_OUTPUTS && m->outputs[index] != 0) {
        return m->outputs[index];
    }
    return m->default_output;
}

// Runs the "model": KPU memory gets this call's values, and a feature map object points at it.
static mp_obj_t new_fmap(net_t *net, size_t index) {
    model_t *m = net->model;
    if (m == NULL) {
        mp_raise_ValueError("[MAIXPY]kpu: model deinit");
    }
    size_t n = output_values(m, index);
    if (m->memory_values < n) {
        float *memory = realloc(m->memory, (n > 0 ? n : 1) * sizeof(float));
        if (memory == NULL) {
            mp_raise_msg(&mp_type_OSError, "kpu: output memory");
        }
        m->memory = memory;
        m->memory_values = n;
    }
    uint64_t call = forward_calls++;
    for (size_t i = 0; i < n; ++i) {
        m->memory[i] = standin_unit_value(1, call, i);
    }
    fmap_t *o = m_new_obj(fmap_t);
    gcsim_record_set_type(o, EVENT_TYPE_KPU_FMAP);
    o->base.type = &fmap_type;
    o->data = m->memory;
    o->size = (uint32_t)(n * sizeof(float));
    o->index = (uint16_t)index;
    o->w = (uint16_t)n;
    o->h = 1;
    o->ch = 1;
    o->typecode = 'f';
    return MP_OBJ_FROM_PTR(o);
}

STATIC mp_obj_t kpu_forward(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_kpu_net, ARG_img, ARG_out_index, ARG_dma };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_kpu_net, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_img, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_out_index, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_dma, MP_ARG_INT, {.u_int = -1} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, vals);
    net_t *net = get_net(vals[ARG_kpu_net].u_obj);
    mp_obj_t input = vals[ARG_img].u_obj;
    if (mp_obj_is_type(input, &standin_image_type)) {
        check_image(input);
    } else if (mp_obj_is_type(input, &mp_type_list)) {
        // A list of floats goes to the KPU through a C-heap copy.
        size_t len;
        mp_obj_t *items;
        mp_obj_get_array(input, &len, &items);
        if (len == 0) {
            mp_raise_ValueError("[MAIXPY]kpu: check input list format err!\r\n");
        }
        for (size_t i = 0; i < len; ++i) {
            mp_obj_get_float(items[i]);
        }
    } else {
        mp_raise_ValueError("input not support");
    }
    return new_fmap(net, (size_t)vals[ARG_out_index].u_int);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_forward_obj, 1, kpu_forward);

STATIC mp_obj_t kpu_get_output(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    if (!mp_obj_is_type(args[0], &net_type) || !mp_obj_is_int(args[1])) {
        mp_raise_ValueError("[MAIXPY]kpu: get_output arg format error: get_output(task, int idx)");
    }
    return new_fmap(get_net(args[0]), (size_t)mp_obj_get_int(args[1]));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_get_output_obj, 2, kpu_get_output);

// set_outputs(task, idx, w, h, ch): a kmodel V4's output shape, w·h·ch values.
STATIC mp_obj_t kpu_set_outputs(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)kw_args;
    if (n_args < 5 || !mp_obj_is_type(args[0], &net_type)) {
        mp_raise_ValueError("[MAIXPY]kpu: set_outputs arg format error: "
            "set_outputs(task, int idx, int w, int h, int ch)");
    }
    net_t *net = get_net(args[0]);
    mp_int_t idx = mp_obj_get_int(args[1]);
    mp_int_t n = mp_obj_get_int(args[2]) * mp_obj_get_int(args[3]) * mp_obj_get_int(args[4]);
    if (net->model == NULL || idx < 0 || idx >= MAX_OUTPUTS || n <= 0) {
        mp_printf(&mp_plat_print, "[MAIXPY]kpu: set_outputs arg value error\r\n");
        return mp_const_false;
    }
    net->model->outputs[idx] = (size_t)n;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_set_outputs_obj, 4, kpu_set_outputs);

STATIC mp_obj_t kpu_set_layers(mp_obj_t net, mp_obj_t len) {
    get_net(net);
    mp_obj_get_int(len);
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(kpu_set_layers_obj, kpu_set_layers);

// kpu.fmap(fmap, ch): an image over one channel of a uint8 map; float maps are refused.
STATIC mp_obj_t kpu_fmap(mp_obj_t fmap_in, mp_obj_t ch) {
    (void)fmap_in;
    (void)ch;
    mp_raise_ValueError("[MAIXPY]kpu: can't convet float fmap yet\r\n");
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(kpu_fmap_obj, kpu_fmap);

STATIC mp_obj_t kpu_fmap_free(mp_obj_t fmap_in) {
    (void)fmap_in;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(kpu_fmap_free_obj, kpu_fmap_free);

// fmap[i]: a float; fmap[a:b]: a tuple, then its floats.
STATIC mp_obj_t fmap_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    fmap_t *self = MP_OBJ_TO_PTR(self_in);
    if (value != MP_OBJ_SENTINEL) {
        standin_raise_not_modelled(MP_QSTR_kpu_fmap, MP_QSTR___setitem__);
    }
    size_t n = self->size / sizeof(float);
    if (mp_obj_is_type(index, &mp_type_slice)) {
        mp_bound_slice_t slice;
        if (!mp_seq_get_fast_slice_indexes(n, index, &slice)) {
            mp_raise_msg(&mp_type_OSError, "only slices with step=1 (aka None) are supported");
        }
        mp_obj_tuple_t *result = MP_OBJ_TO_PTR(mp_obj_new_tuple(slice.stop - slice.start, NULL));
        for (size_t i = 0; i < result->len; ++i) {
            result->items[i] = mp_obj_new_float(self->data[slice.start + i]);
        }
        return MP_OBJ_FROM_PTR(result);
    }
    size_t i = mp_get_index(self->base.type, n, index, false);
    return mp_obj_new_float(self->data[i]);
}

STATIC mp_obj_t fmap_size(mp_obj_t self) {
    return mp_obj_new_int(((fmap_t *)MP_OBJ_TO_PTR(self))->size);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_size_obj, fmap_size);

STATIC mp_obj_t fmap_index(mp_obj_t self) {
    return mp_obj_new_int(((fmap_t *)MP_OBJ_TO_PTR(self))->index);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_index_obj, fmap_index);

STATIC mp_obj_t fmap_w(mp_obj_t self) {
    return mp_obj_new_int(((fmap_t *)MP_OBJ_TO_PTR(self))->w);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_w_obj, fmap_w);

STATIC mp_obj_t fmap_h(mp_obj_t self) {
    return mp_obj_new_int(((fmap_t *)MP_OBJ_TO_PTR(self))->h);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_h_obj, fmap_h);

STATIC mp_obj_t fmap_ch(mp_obj_t self) {
    return mp_obj_new_int(((fmap_t *)MP_OBJ_TO_PTR(self))->ch);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_ch_obj, fmap_ch);

STATIC mp_obj_t fmap_typecode(mp_obj_t self) {
    char code = (char)((fmap_t *)MP_OBJ_TO_PTR(self))->typecode;
    return mp_obj_new_str(&code, 1);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(fmap_typecode_obj, fmap_typecode);

STATIC mp_int_t fmap_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    fmap_t *self = MP_OBJ_TO_PTR(self_in);
    bufinfo->buf = self->data;
    bufinfo->len = self->size;
    bufinfo->typecode = (char)self->typecode;
    return 0;
}

STATIC void fmap_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    fmap_t *f = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "{\"fmap\": \"size\"=%d, \"index\": %d, \"w\": %d, \"h\": %d, \"ch\": %d, "
        "\"typecode\": %c}", (int)f->size, f->index, f->w, f->h, f->ch, f->typecode);
}

STATIC const mp_rom_map_elem_t fmap_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_size), MP_ROM_PTR(&fmap_size_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&fmap_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_w), MP_ROM_PTR(&fmap_w_obj) },
    { MP_ROM_QSTR(MP_QSTR_h), MP_ROM_PTR(&fmap_h_obj) },
    { MP_ROM_QSTR(MP_QSTR_ch), MP_ROM_PTR(&fmap_ch_obj) },
    { MP_ROM_QSTR(MP_QSTR_typecode), MP_ROM_PTR(&fmap_typecode_obj) },
};
STATIC MP_DEFINE_CONST_DICT(fmap_locals, fmap_locals_table);

STATIC const mp_obj_type_t fmap_type = {
    { &mp_type_type },
    .name = MP_QSTR_kpu_fmap,
    .print = fmap_print,
    .subscr = fmap_subscr,
    .buffer_p = { .get_buffer = fmap_get_buffer },
    .locals_dict = (mp_obj_dict_t *)&fmap_locals,
};

/******************************************************************************/
// YOLO2

STATIC mp_obj_t kpu_init_yolo2(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_kpu_net, ARG_threshold, ARG_nms_value, ARG_anchor_number, ARG_anchor, ARG_dma };
    static const mp_arg_t allowed_args[] = {
        { MP_QSTR_kpu_net, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_threshold, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_nms_value, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_anchor_number, MP_ARG_INT, {.u_int = 0} },
        { MP_QSTR_anchor, MP_ARG_OBJ, {.u_obj = mp_const_none} },
        { MP_QSTR_dma, MP_ARG_INT, {.u_int = -1} },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed_args)];
    mp_arg_parse_all(n_args, args, kw_args, MP_ARRAY_SIZE(allowed_args), allowed_args, vals);
    net_t *net = get_net(vals[ARG_kpu_net].u_obj);
    float threshold = mp_obj_get_float(vals[ARG_threshold].u_obj);
    if (!(threshold >= 0.0f && threshold <= 1.0f)) {
        mp_raise_ValueError("[MAIXPY]kpu: threshold only support 0 to 1");
    }
    float nms_value = mp_obj_get_float(vals[ARG_nms_value].u_obj);
    if (!(nms_value >= 0.0f && nms_value <= 1.0f)) {
        mp_raise_ValueError("[MAIXPY]kpu: nms_value only support 0 to 1");
    }
    mp_int_t anchor_number = vals[ARG_anchor_number].u_int;
    if (anchor_number <= 0) {
        mp_raise_ValueError("[MAIXPY]kpu: anchor_number should > 0");
    }
    if (anchor_number > MAX_ANCHORS) {
        mp_raise_ValueError("[MAIXPY]kpu: anchor_number too large");
    }
    size_t n_anchors = (size_t)anchor_number * 2;
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(vals[ARG_anchor].u_obj, n_anchors, &items);
    float *anchors = malloc(n_anchors * sizeof(float));
    if (anchors == NULL) {
        mp_raise_msg(&mp_type_MemoryError, "kpu: anchors");
    }
    for (size_t i = 0; i < n_anchors; ++i) {
        anchors[i] = mp_obj_get_float(items[i]);
    }
    yolo2_args_t *yolo = m_new_obj(yolo2_args_t);
    gcsim_record_set_type(yolo, EVENT_TYPE_KPU_YOLO2);
    yolo->base.type = &yolo2_args_type;
    yolo->anchors = anchors;
    yolo->threshold = mp_obj_new_float(threshold);
    yolo->nms_value = mp_obj_new_float(nms_value);
    yolo->anchor_number = MP_OBJ_NEW_SMALL_INT(anchor_number);
    // The firmware holds the new floats in a C-heap array until the tuple exists; here they are
    // on the C stack, which the collector scans, so they stay alive as they should.
    mp_obj_t floats[2 * MAX_ANCHORS];
    for (size_t i = 0; i < n_anchors; ++i) {
        floats[i] = mp_obj_new_float(anchors[i]);
    }
    yolo->anchor = mp_obj_new_tuple(n_anchors, floats);
    net->net_args = MP_OBJ_FROM_PTR(yolo);
    net->net_deinit = mp_const_true;
    return mp_const_true;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_init_yolo2_obj, 5, kpu_init_yolo2);

STATIC mp_obj_t yolo2_anchor(mp_obj_t self_in) {
    yolo2_args_t *yolo = MP_OBJ_TO_PTR(self_in);
    size_t n = (size_t)MP_OBJ_SMALL_INT_VALUE(yolo->anchor_number) * 2;
    mp_obj_tuple_t *floats = MP_OBJ_TO_PTR(yolo->anchor);
    mp_obj_t items[2 * MAX_ANCHORS];
    for (size_t i = 0; i < n; ++i) {
        items[i] = mp_obj_new_float(mp_obj_get_float(floats->items[i]));
    }
    return mp_obj_new_tuple(n, items);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(yolo2_anchor_obj, yolo2_anchor);

STATIC mp_obj_t yolo2_threshold(mp_obj_t self_in) {
    return ((yolo2_args_t *)MP_OBJ_TO_PTR(self_in))->threshold;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(yolo2_threshold_obj, yolo2_threshold);

STATIC mp_obj_t yolo2_nms_value(mp_obj_t self_in) {
    return ((yolo2_args_t *)MP_OBJ_TO_PTR(self_in))->nms_value;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(yolo2_nms_value_obj, yolo2_nms_value);

STATIC mp_obj_t yolo2_anchor_number(mp_obj_t self_in) {
    return ((yolo2_args_t *)MP_OBJ_TO_PTR(self_in))->anchor_number;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(yolo2_anchor_number_obj, yolo2_anchor_number);

STATIC const mp_rom_map_elem_t yolo2_args_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_anchor), MP_ROM_PTR(&yolo2_anchor_obj) },
    { MP_ROM_QSTR(MP_QSTR_threshold), MP_ROM_PTR(&yolo2_threshold_obj) },
    { MP_ROM_QSTR(MP_QSTR_nms_value), MP_ROM_PTR(&yolo2_nms_value_obj) },
    { MP_ROM_QSTR(MP_QSTR_anchor_number), MP_ROM_PTR(&yolo2_anchor_number_obj) },
};
STATIC MP_DEFINE_CONST_DICT(yolo2_args_locals, yolo2_args_locals_table);

STATIC const mp_obj_type_t yolo2_args_type = {
    { &mp_type_type },
    .name = MP_QSTR_kpu_yolo2,
    .locals_dict = (mp_obj_dict_t *)&yolo2_args_locals,
};

// A detection box inside the image: 80–130 pixels a side (a face at arm's length on QVGA).
static mp_int_t box_side(uint64_t call, size_t j, uint64_t axis, int limit) {
    int side = 80 + (int)(standin_unit_value(2 + axis, call, j) * 51);
    return side < limit ? side : limit;
}

STATIC mp_obj_t kpu_run_yolo2(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    net_t *net = get_net(args[0]);
    check_image(args[1]);
    if (!mp_obj_is_type(net->net_args, &yolo2_args_type)) {
        mp_raise_ValueError("[MAIXPY]kpu: run_yolo2 before init_yolo2");
    }
    standin_image_t *img = MP_OBJ_TO_PTR(args[1]);
    uint64_t call = yolo2_calls++;
    size_t k = standin_detections_for(call);
    if (k == 0) {
        return mp_const_none;
    }
    mp_obj_list_t *list = MP_OBJ_TO_PTR(mp_obj_new_list(k, NULL));
    for (size_t j = 0; j < k; ++j) {
        detection_t *o = m_new_obj(detection_t);
        gcsim_record_set_type(o, EVENT_TYPE_KPU_YOLO2_FIND);
        o->base.type = &detection_type;
        mp_int_t w = box_side(call, j, 0, img->w);
        mp_int_t h = box_side(call, j, 1, img->h);
        o->x = MP_OBJ_NEW_SMALL_INT((mp_int_t)(standin_unit_value(4, call, j) * (img->w - w)));
        o->y = MP_OBJ_NEW_SMALL_INT((mp_int_t)(standin_unit_value(5, call, j) * (img->h - h)));
        o->w = MP_OBJ_NEW_SMALL_INT(w);
        o->h = MP_OBJ_NEW_SMALL_INT(h);
        o->classid = MP_OBJ_NEW_SMALL_INT(0);
        o->index = MP_OBJ_NEW_SMALL_INT(j);
        o->value = mp_obj_new_float(0.5f + 0.5f * standin_unit_value(6, call, j));
        o->objnum = MP_OBJ_NEW_SMALL_INT(k);
        list->items[j] = MP_OBJ_FROM_PTR(o);
    }
    return MP_OBJ_FROM_PTR(list);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(kpu_run_yolo2_obj, 2, kpu_run_yolo2);

STATIC mp_obj_t detection_rect(mp_obj_t self_in) {
    detection_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t items[4] = {self->x, self->y, self->w, self->h};
    return mp_obj_new_tuple(4, items);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(detection_rect_obj, detection_rect);

#define DETECTION_FIELD(field) \
    STATIC mp_obj_t detection_##field(mp_obj_t self_in) { \
        return ((detection_t *)MP_OBJ_TO_PTR(self_in))->field; \
    } \
    STATIC MP_DEFINE_CONST_FUN_OBJ_1(detection_##field##_obj, detection_##field)
DETECTION_FIELD(x);
DETECTION_FIELD(y);
DETECTION_FIELD(w);
DETECTION_FIELD(h);
DETECTION_FIELD(classid);
DETECTION_FIELD(index);
DETECTION_FIELD(value);
DETECTION_FIELD(objnum);

STATIC void detection_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    detection_t *d = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "{\"x\":%d, \"y\":%d, \"w\":%d, \"h\":%d, \"value\":%f, \"classid\":%d, "
        "\"index\":%d, \"objnum\":%d}", (int)mp_obj_get_int(d->x), (int)mp_obj_get_int(d->y),
        (int)mp_obj_get_int(d->w), (int)mp_obj_get_int(d->h),
        (double)mp_obj_get_float(d->value), (int)mp_obj_get_int(d->classid),
        (int)mp_obj_get_int(d->index), (int)mp_obj_get_int(d->objnum));
}

STATIC const mp_rom_map_elem_t detection_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_rect), MP_ROM_PTR(&detection_rect_obj) },
    { MP_ROM_QSTR(MP_QSTR_x), MP_ROM_PTR(&detection_x_obj) },
    { MP_ROM_QSTR(MP_QSTR_y), MP_ROM_PTR(&detection_y_obj) },
    { MP_ROM_QSTR(MP_QSTR_w), MP_ROM_PTR(&detection_w_obj) },
    { MP_ROM_QSTR(MP_QSTR_h), MP_ROM_PTR(&detection_h_obj) },
    { MP_ROM_QSTR(MP_QSTR_classid), MP_ROM_PTR(&detection_classid_obj) },
    { MP_ROM_QSTR(MP_QSTR_index), MP_ROM_PTR(&detection_index_obj) },
    { MP_ROM_QSTR(MP_QSTR_value), MP_ROM_PTR(&detection_value_obj) },
    { MP_ROM_QSTR(MP_QSTR_objnum), MP_ROM_PTR(&detection_objnum_obj) },
};
STATIC MP_DEFINE_CONST_DICT(detection_locals, detection_locals_table);

STATIC const mp_obj_type_t detection_type = {
    { &mp_type_type },
    .name = MP_QSTR_kpu_yolo2_find,
    .print = detection_print,
    .locals_dict = (mp_obj_dict_t *)&detection_locals,
};

/******************************************************************************/
// Faces

#define FACE_FEATURE_DIM_MAX 512

// face_encode(floats): the features quantised to a bytearray of the same length.
STATIC mp_obj_t kpu_face_encode(mp_obj_t features) {
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(features, &len, &items);
    if (len > FACE_FEATURE_DIM_MAX) {
        mp_raise_ValueError("feature dim <=200\r\n");
    }
    int8_t encoded[FACE_FEATURE_DIM_MAX];
    for (size_t i = 0; i < len; ++i) {
        encoded[i] = (int8_t)(mp_obj_get_float(items[i]) * 254.0f - 127.0f);
    }
    return mp_obj_new_bytearray(len, encoded);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(kpu_face_encode_obj, kpu_face_encode);

// face_compare(a, b): a score from 0 to 100 (the share of equal bytes).
STATIC mp_obj_t kpu_face_compare(mp_obj_t a_in, mp_obj_t b_in) {
    mp_buffer_info_t a, b;
    mp_get_buffer_raise(a_in, &a, MP_BUFFER_READ);
    mp_get_buffer_raise(b_in, &b, MP_BUFFER_READ);
    if (a.len != b.len) {
        mp_raise_ValueError("compare feature must in same dim!\r\n");
    }
    size_t equal = 0;
    for (size_t i = 0; i < a.len; ++i) {
        equal += ((const uint8_t *)a.buf)[i] == ((const uint8_t *)b.buf)[i];
    }
    return mp_obj_new_float(a.len > 0 ? 100.0f * (float)equal / (float)a.len : 0.0f);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(kpu_face_compare_obj, kpu_face_compare);

STANDIN_NOT_MODELLED(kpu, netinfo);
STANDIN_NOT_MODELLED(kpu, memtest);
STANDIN_NOT_MODELLED(kpu, classifier);

STATIC const mp_rom_map_elem_t kpu_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_kpu) },
    { MP_ROM_QSTR(MP_QSTR_load), MP_ROM_PTR(&kpu_load_obj) },
    { MP_ROM_QSTR(MP_QSTR_load_flash), MP_ROM_PTR(&kpu_load_flash_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_outputs), MP_ROM_PTR(&kpu_set_outputs_obj) },
    { MP_ROM_QSTR(MP_QSTR_init_yolo2), MP_ROM_PTR(&kpu_init_yolo2_obj) },
    { MP_ROM_QSTR(MP_QSTR_run_yolo2), MP_ROM_PTR(&kpu_run_yolo2_obj) },
    { MP_ROM_QSTR(MP_QSTR_deinit), MP_ROM_PTR(&kpu_deinit_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_layers), MP_ROM_PTR(&kpu_set_layers_obj) },
    { MP_ROM_QSTR(MP_QSTR_forward), MP_ROM_PTR(&kpu_forward_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_output), MP_ROM_PTR(&kpu_get_output_obj) },
    { MP_ROM_QSTR(MP_QSTR_fmap), MP_ROM_PTR(&kpu_fmap_obj) },
    { MP_ROM_QSTR(MP_QSTR_fmap_free), MP_ROM_PTR(&kpu_fmap_free_obj) },
    { MP_ROM_QSTR(MP_QSTR_face_encode), MP_ROM_PTR(&kpu_face_encode_obj) },
    { MP_ROM_QSTR(MP_QSTR_face_compare), MP_ROM_PTR(&kpu_face_compare_obj) },
    STANDIN_NOT_MODELLED_ENTRY(kpu, netinfo),
    STANDIN_NOT_MODELLED_ENTRY(kpu, memtest),
    STANDIN_NOT_MODELLED_ENTRY(kpu, classifier),
};
STATIC MP_DEFINE_CONST_DICT(kpu_globals, kpu_globals_table);

const mp_obj_module_t standin_kpu_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&kpu_globals,
};

MP_REGISTER_MODULE(MP_QSTR_KPU, standin_kpu_module, 1);
