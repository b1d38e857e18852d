// `image` and its Image objects (omv/py/py_image.c, OpenMV's imlib as MaixPy has it). What each
// call asks of the GC heap, in the firmware's order:
//
//   image object (py_image / py_image_from_struct)   40 bytes, named "Image"
//   pixel buffer (xalloc)                             image_size: w·h·2 RGB565, w·h grayscale,
//                                                     ⌈w/32⌉·4·h binary; named "pixels"
//   AI buffer (pix_to_ai, conversions with copy)      named "pix_ai"
//
//   image.Image()                 pixels 320·240·2, then the object
//   image.Image(size=(w, h))      pixels w·h·2, then the object
//   image.Image("/sd/x.jpg")      the file object (64, garbage once read), the decoded pixels
//                                 (w·h·2 colour, w·h grey), then the object
//   img.resize(w, h), img.cut(…)  pixels, then the object (RGB565 and grayscale only)
//   img.copy()                    pixels of the ROI × scale, then the object
//   img.crop()                    the object only: it crops in place unless copy=True
//   img.to_grayscale() etc.       the object; with copy=True first pixels and w·h·3 of AI buffer
//   img.pix_to_ai()               round_up_64(w)·h·3 (RGB565) or w·h, once: nothing when the
//                                 image has one (a snapshot's is the camera's)
//   img.get_pixel(x, y)           RGB565: a 3-tuple
//   img.draw_*(), clear, invert   nothing (they return the image itself)
//
// Pixels are not computed. A call the firmware has and this file does not model raises
// NotImplementedError naming it.
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "standin.h"

#include "../gcsim_record/recorder_api.h"
#include "py/gc.h"
#include "py/mperrno.h"
#include "py/runtime.h"

// The LCD's size (CONFIG_LCD_DEFAULT_WIDTH/HEIGHT): image.Image() with no size.
#define LCD_WIDTH 320
#define LCD_HEIGHT 240

mp_obj_t standin_image_new(int w, int h, int bpp, void *pixels, void *pix_ai) {
    standin_image_t *o = m_new_obj(standin_image_t);
    gcsim_record_set_type(o, EVENT_TYPE_IMAGE);
    o->base.type = &standin_image_type;
    o->w = w;
    o->h = h;
    o->bpp = bpp;
    o->pixels = pixels;
    o->pix_ai = pix_ai;
    return MP_OBJ_FROM_PTR(o);
}

standin_image_t *standin_image_get(mp_obj_t obj) {
    if (!mp_obj_is_type(obj, &standin_image_type)) {
        mp_raise_TypeError("Expected an Image");
    }
    return MP_OBJ_TO_PTR(obj);
}

size_t standin_image_bytes(int w, int h, int bpp) {
    switch (bpp) {
        case IMAGE_BPP_BINARY:
            return (size_t)((w + 31) / 32) * 4 * (size_t)h;
        case IMAGE_BPP_GRAYSCALE:
        case IMAGE_BPP_BAYER:
            return (size_t)w * (size_t)h;
        case IMAGE_BPP_RGB565:
            return (size_t)w * (size_t)h * 2;
        default:
            return (size_t)bpp;  // a compressed image: bpp is its size
    }
}

static bool is_mutable(const standin_image_t *img) {
    return img->bpp >= IMAGE_BPP_BINARY && img->bpp <= IMAGE_BPP_RGB565;
}

// A keyword argument, else the positional one at `index`, else NULL.
static mp_obj_t arg_at(size_t n_args, const mp_obj_t *args, size_t index, mp_map_t *kw_args,
    qstr name) {
    mp_map_elem_t *kw = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(name), MP_MAP_LOOKUP);
    if (kw != NULL) {
        return kw->value;
    }
    return n_args > index ? args[index] : MP_OBJ_NULL;
}

static bool arg_bool(size_t n_args, const mp_obj_t *args, size_t index, mp_map_t *kw_args,
    qstr name) {
    mp_obj_t value = arg_at(n_args, args, index, kw_args, name);
    return value != MP_OBJ_NULL && mp_obj_get_int(value) != 0;
}

/******************************************************************************/
// Image methods

STATIC mp_obj_t image_width(mp_obj_t self) {
    return MP_OBJ_NEW_SMALL_INT(standin_image_get(self)->w);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_width_obj, image_width);

STATIC mp_obj_t image_height(mp_obj_t self) {
    return MP_OBJ_NEW_SMALL_INT(standin_image_get(self)->h);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_height_obj, image_height);

// sensor.GRAYSCALE, RGB565, BAYER, JPEG; None for a bitmap (as the firmware answers).
STATIC mp_obj_t image_format(mp_obj_t self) {
    switch (standin_image_get(self)->bpp) {
        case IMAGE_BPP_BINARY:
            return mp_const_none;
        case IMAGE_BPP_GRAYSCALE:
            return MP_OBJ_NEW_SMALL_INT(4);
        case IMAGE_BPP_RGB565:
            return MP_OBJ_NEW_SMALL_INT(2);
        case IMAGE_BPP_BAYER:
            return MP_OBJ_NEW_SMALL_INT(1);
        default:
            return MP_OBJ_NEW_SMALL_INT(5);
    }
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_format_obj, image_format);

STATIC mp_obj_t image_size(mp_obj_t self) {
    standin_image_t *img = standin_image_get(self);
    return mp_obj_new_int((mp_int_t)standin_image_bytes(img->w, img->h, img->bpp));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_size_obj, image_size);

// (x, y) as two arguments or one tuple; returns how many arguments it took.
static size_t xy_args(size_t n_args, const mp_obj_t *args, size_t index, mp_int_t *x,
    mp_int_t *y) {
    if (n_args > index && !mp_obj_is_int(args[index])) {
        mp_obj_t *items;
        mp_obj_get_array_fixed_n(args[index], 2, &items);
        *x = mp_obj_get_int(items[0]);
        *y = mp_obj_get_int(items[1]);
        return 1;
    }
    if (n_args < index + 2) {
        mp_raise_TypeError("expected x and y");
    }
    *x = mp_obj_get_int(args[index]);
    *y = mp_obj_get_int(args[index + 1]);
    return 2;
}

// The pixel's value (the buffers are zeros): an int, or for RGB565 by default a 3-tuple.
STATIC mp_obj_t image_get_pixel(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    standin_image_t *img = standin_image_get(args[0]);
    mp_int_t x, y;
    xy_args(n_args, args, 1, &x, &y);
    if (x < 0 || x >= img->w || y < 0 || y >= img->h) {
        return mp_const_none;
    }
    mp_map_elem_t *rgb = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_rgbtuple),
        MP_MAP_LOOKUP);
    bool tuple = rgb != NULL ? mp_obj_is_true(rgb->value) : img->bpp == IMAGE_BPP_RGB565;
    if (tuple) {
        mp_obj_t rgb_items[3] = {MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(0),
                                 MP_OBJ_NEW_SMALL_INT(0)};
        return mp_obj_new_tuple(3, rgb_items);
    }
    return MP_OBJ_NEW_SMALL_INT(0);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_get_pixel_obj, 2, image_get_pixel);

// Drawing and in-place filters: the image itself, nothing allocated.
STATIC mp_obj_t image_self_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    standin_image_get(args[0]);
    return args[0];
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_self_kw_obj, 1, image_self_kw);

STATIC mp_obj_t image_self(mp_obj_t self) {
    standin_image_get(self);
    return self;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_self_obj, image_self);

STATIC mp_obj_t image_none_kw(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    (void)n_args;
    (void)kw_args;
    standin_image_get(args[0]);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_none_kw_obj, 1, image_none_kw);

// mean_pool(x_div, y_div) shrinks the image in place; mean_pooled() makes a new one.
static void pool_size(standin_image_t *img, mp_obj_t x_div_in, mp_obj_t y_div_in, int *w,
    int *h) {
    mp_int_t x_div = mp_obj_get_int(x_div_in);
    mp_int_t y_div = mp_obj_get_int(y_div_in);
    if (x_div < 1 || x_div > img->w || y_div < 1 || y_div > img->h) {
        mp_raise_ValueError("divisor out of range");
    }
    *w = img->w / (int)x_div;
    *h = img->h / (int)y_div;
}

STATIC mp_obj_t image_mean_pool(mp_obj_t self, mp_obj_t x_div, mp_obj_t y_div) {
    standin_image_t *img = standin_image_get(self);
    pool_size(img, x_div, y_div, &img->w, &img->h);
    return self;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(image_mean_pool_obj, image_mean_pool);

STATIC mp_obj_t image_mean_pooled(mp_obj_t self, mp_obj_t x_div, mp_obj_t y_div) {
    standin_image_t *img = standin_image_get(self);
    int w, h;
    pool_size(img, x_div, y_div, &w, &h);
    void *pixels = standin_xalloc(standin_image_bytes(w, h, img->bpp), EVENT_TYPE_PIXELS);
    return standin_image_new(w, h, img->bpp, pixels, NULL);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(image_mean_pooled_obj, image_mean_pooled);

// copy() and crop() (py_image_copy_int): a region of interest, scaled.
static mp_obj_t copy_or_crop(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args,
    bool crop) {
    standin_image_t *img = standin_image_get(args[0]);
    mp_int_t roi[4] = {0, 0, img->w, img->h};
    mp_obj_t roi_arg = arg_at(n_args, args, 1, kw_args, MP_QSTR_roi);
    if (roi_arg != MP_OBJ_NULL && roi_arg != mp_const_none) {
        mp_obj_t *items;
        mp_obj_get_array_fixed_n(roi_arg, 4, &items);
        for (int i = 0; i < 4; ++i) {
            roi[i] = mp_obj_get_int(items[i]);
        }
    }
    mp_obj_t x_scale_arg = arg_at(n_args, args, 2, kw_args, MP_QSTR_x_scale);
    mp_obj_t y_scale_arg = arg_at(n_args, args, 3, kw_args, MP_QSTR_y_scale);
    float x_scale = x_scale_arg != MP_OBJ_NULL ? mp_obj_get_float(x_scale_arg) : 1.0f;
    float y_scale = y_scale_arg != MP_OBJ_NULL ? mp_obj_get_float(y_scale_arg) : 1.0f;
    int w = (int)(roi[2] * x_scale);
    int h = (int)(roi[3] * y_scale);
    if (w < 1 || h < 1) {
        mp_raise_ValueError("Output image width is 0!");
    }
    size_t n_bytes = standin_image_bytes(w, h, img->bpp);
    void *pixels;
    if (crop) {
        // In place unless copy=True (then a new buffer): the image shrinks to the crop.
        mp_obj_t copy = arg_at(n_args, args, 4, kw_args, MP_QSTR_copy);
        if (copy != MP_OBJ_NULL && mp_obj_is_int(copy) && mp_obj_get_int(copy) != 0) {
            pixels = standin_xalloc(n_bytes, EVENT_TYPE_PIXELS);
        } else if (copy != MP_OBJ_NULL && !mp_obj_is_int(copy)) {
            standin_image_t *other = standin_image_get(copy);
            pixels = other->pixels;
            other->w = w;
            other->h = h;
        } else {
            if (n_bytes > standin_image_bytes(img->w, img->h, img->bpp)) {
                mp_raise_ValueError("The new image won't fit in the target frame buffer!");
            }
            pixels = img->pixels;
            img->w = w;
            img->h = h;
        }
    } else {
        // copy_to_fb=True copies into the camera's frame buffer instead of a new one.
        pixels = arg_bool(n_args, args, 4, kw_args, MP_QSTR_copy_to_fb)
            ? (void *)standin_camera_pixels : standin_xalloc(n_bytes, EVENT_TYPE_PIXELS);
    }
    // The firmware leaves pix_ai uninitialised here; the stand-in takes none.
    return standin_image_new(w, h, img->bpp, pixels, NULL);
}

STATIC mp_obj_t image_copy(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return copy_or_crop(n_args, args, kw_args, false);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_copy_obj, 1, image_copy);

STATIC mp_obj_t image_crop(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return copy_or_crop(n_args, args, kw_args, true);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_crop_obj, 1, image_crop);

// to_grayscale/to_rgb565/to_rainbow/to_bitmap/binary: a new object; with copy=True over a new
// buffer and a new w·h·3 AI buffer, else over the same pixels (converted in place).
static mp_obj_t convert(mp_obj_t self, int out_bpp, bool copy) {
    standin_image_t *img = standin_image_get(self);
    if (!is_mutable(img)) {
        mp_raise_ValueError("Image format is not supported.");
    }
    void *pixels = img->pixels;
    void *pix_ai = img->pix_ai;
    if (copy) {
        pixels = standin_xalloc(standin_image_bytes(img->w, img->h, out_bpp), EVENT_TYPE_PIXELS);
        pix_ai = standin_xalloc((size_t)img->w * (size_t)img->h * 3, EVENT_TYPE_PIX_AI);
    } else if (out_bpp == IMAGE_BPP_GRAYSCALE) {
        img->bpp = out_bpp;  // to_grayscale() converts the image itself
    }
    return standin_image_new(img->w, img->h, out_bpp, pixels, pix_ai);
}

STATIC mp_obj_t image_to_grayscale(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return convert(args[0], IMAGE_BPP_GRAYSCALE, arg_bool(n_args, args, 1, kw_args, MP_QSTR_copy));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_to_grayscale_obj, 1, image_to_grayscale);

STATIC mp_obj_t image_to_rgb565(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return convert(args[0], IMAGE_BPP_RGB565, arg_bool(n_args, args, 1, kw_args, MP_QSTR_copy));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_to_rgb565_obj, 1, image_to_rgb565);

STATIC mp_obj_t image_to_bitmap(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    return convert(args[0], IMAGE_BPP_BINARY, arg_bool(n_args, args, 1, kw_args, MP_QSTR_copy));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_to_bitmap_obj, 1, image_to_bitmap);

STATIC mp_obj_t image_binary(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    standin_image_t *img = standin_image_get(args[0]);
    bool to_bitmap = arg_bool(n_args, args, 5, kw_args, MP_QSTR_to_bitmap);
    return convert(args[0], to_bitmap ? IMAGE_BPP_BINARY : img->bpp,
        arg_bool(n_args, args, 6, kw_args, MP_QSTR_copy));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_binary_obj, 2, image_binary);

// resize(w, h) and cut(x, y, w, h): new pixels, then the object; other formats print and
// return None, as the firmware does.
STATIC mp_obj_t image_resize(mp_obj_t self, mp_obj_t w_in, mp_obj_t h_in) {
    standin_image_t *img = standin_image_get(self);
    int w = (int)mp_obj_get_int(w_in);
    int h = (int)mp_obj_get_int(h_in);
    if (img->bpp != IMAGE_BPP_GRAYSCALE && img->bpp != IMAGE_BPP_RGB565) {
        mp_printf(&mp_plat_print, "only support grayscale, 565 zoom out now\r\n");
        return mp_const_none;
    }
    void *pixels = standin_xalloc(standin_image_bytes(w, h, img->bpp), EVENT_TYPE_PIXELS);
    return standin_image_new(w, h, img->bpp, pixels, NULL);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(image_resize_obj, image_resize);

STATIC mp_obj_t image_cut(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    standin_image_t *img = standin_image_get(args[0]);
    int w = (int)mp_obj_get_int(args[3]);
    int h = (int)mp_obj_get_int(args[4]);
    if (img->bpp != IMAGE_BPP_GRAYSCALE && img->bpp != IMAGE_BPP_RGB565) {
        mp_printf(&mp_plat_print, "pixel format not support!\r\n");
        return mp_const_none;
    }
    void *pixels = standin_xalloc(standin_image_bytes(w, h, img->bpp), EVENT_TYPE_PIXELS);
    return standin_image_new(w, h, img->bpp, pixels, NULL);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(image_cut_obj, 5, 5, image_cut);

// The AI layout (planar R, G, B): allocated once per image, rows rounded up to 64 pixels for
// RGB565. The firmware's sizes are 16-bit.
STATIC mp_obj_t image_pix_to_ai(mp_obj_t self) {
    standin_image_t *img = standin_image_get(self);
    uint16_t w = (uint16_t)img->w;
    uint16_t h = (uint16_t)img->h;
    if (img->bpp == IMAGE_BPP_GRAYSCALE) {
        if (img->pix_ai == NULL) {
            img->pix_ai = standin_xalloc((size_t)w * h, EVENT_TYPE_PIX_AI);
        }
    } else if (img->bpp == IMAGE_BPP_RGB565) {
        if (img->pix_ai == NULL) {
            img->pix_ai = standin_xalloc((size_t)((w + 63) & ~0x3F) * h * 3, EVENT_TYPE_PIX_AI);
        }
    } else {
        mp_printf(&mp_plat_print, "only support grayscale now\r\n");
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_pix_to_ai_obj, image_pix_to_ai);

STATIC mp_obj_t image_ai_to_pix(mp_obj_t self) {
    standin_image_t *img = standin_image_get(self);
    if (img->pix_ai != NULL && img->bpp != IMAGE_BPP_GRAYSCALE && img->bpp != IMAGE_BPP_RGB565) {
        mp_printf(&mp_plat_print, "only support grayscale now\r\n");
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_ai_to_pix_obj, image_ai_to_pix);

STATIC mp_obj_t image_none_2(mp_obj_t self, mp_obj_t arg) {
    (void)arg;
    standin_image_get(self);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(image_none_2_obj, image_none_2);

STATIC mp_obj_t image_none_3(mp_obj_t self, mp_obj_t a, mp_obj_t b) {
    (void)a;
    (void)b;
    standin_image_get(self);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(image_none_3_obj, image_none_3);

// img.__del__(): frees the pixels unless they are the camera's (xfree → gc_free).
STATIC mp_obj_t image_del(mp_obj_t self) {
    standin_image_t *img = standin_image_get(self);
    if (img->pixels != NULL && img->pixels != standin_camera_pixels) {
        gc_free(img->pixels);
        img->pixels = NULL;
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_del_obj, image_del);

STATIC void image_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    standin_image_t *img = MP_OBJ_TO_PTR(self_in);
    static const char *const names[] = {"binary", "grayscale", "rgb565", "bayer"};
    const char *name = img->bpp >= IMAGE_BPP_BINARY && img->bpp <= IMAGE_BPP_BAYER
        ? names[img->bpp] : "jpeg";
    mp_printf(print, "{\"w\":%d, \"h\":%d, \"type\"=\"%s\", \"size\":%d}", img->w, img->h, name,
        (int)standin_image_bytes(img->w, img->h, img->bpp));
}

STATIC mp_obj_t image_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    (void)self_in;
    (void)index;
    (void)value;
    standin_raise_not_modelled(MP_QSTR_Image, MP_QSTR___getitem__);
}

STANDIN_NOT_MODELLED(Image, midpoint_pool);
STANDIN_NOT_MODELLED(Image, midpoint_pooled);
STANDIN_NOT_MODELLED(Image, compress);
STANDIN_NOT_MODELLED(Image, compress_for_ide);
STANDIN_NOT_MODELLED(Image, compressed);
STANDIN_NOT_MODELLED(Image, compressed_for_ide);
STANDIN_NOT_MODELLED(Image, save);
STANDIN_NOT_MODELLED(Image, to_bytes);
STANDIN_NOT_MODELLED(Image, flood_fill);
STANDIN_NOT_MODELLED(Image, draw_keypoints);
STANDIN_NOT_MODELLED(Image, histeq);
STANDIN_NOT_MODELLED(Image, get_similarity);
STANDIN_NOT_MODELLED(Image, get_histogram);
STANDIN_NOT_MODELLED(Image, get_hist);
STANDIN_NOT_MODELLED(Image, histogram);
STANDIN_NOT_MODELLED(Image, get_statistics);
STANDIN_NOT_MODELLED(Image, get_stats);
STANDIN_NOT_MODELLED(Image, statistics);
STANDIN_NOT_MODELLED(Image, get_regression);
STANDIN_NOT_MODELLED(Image, find_blobs);
STANDIN_NOT_MODELLED(Image, find_lines);
STANDIN_NOT_MODELLED(Image, find_line_segments);
STANDIN_NOT_MODELLED(Image, find_circles);
STANDIN_NOT_MODELLED(Image, find_rects);
STANDIN_NOT_MODELLED(Image, find_qrcodes);
STANDIN_NOT_MODELLED(Image, find_apriltags);
STANDIN_NOT_MODELLED(Image, find_datamatrices);
STANDIN_NOT_MODELLED(Image, find_barcodes);
STANDIN_NOT_MODELLED(Image, find_displacement);
STANDIN_NOT_MODELLED(Image, find_template);
STANDIN_NOT_MODELLED(Image, find_features);
STANDIN_NOT_MODELLED(Image, find_eye);
STANDIN_NOT_MODELLED(Image, find_lbp);
STANDIN_NOT_MODELLED(Image, find_keypoints);
STANDIN_NOT_MODELLED(Image, find_domain);
STANDIN_NOT_MODELLED(Image, find_edges);
STANDIN_NOT_MODELLED(Image, find_hog);
STANDIN_NOT_MODELLED(Image, selective_search);
STANDIN_NOT_MODELLED(Image, dump_roi);
STANDIN_NOT_MODELLED(Image, linpolar);
STANDIN_NOT_MODELLED(Image, logpolar);
STANDIN_NOT_MODELLED(Image, rotation_corr);

STATIC const mp_rom_map_elem_t image_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&image_del_obj) },
    { MP_ROM_QSTR(MP_QSTR_width), MP_ROM_PTR(&image_width_obj) },
    { MP_ROM_QSTR(MP_QSTR_height), MP_ROM_PTR(&image_height_obj) },
    { MP_ROM_QSTR(MP_QSTR_format), MP_ROM_PTR(&image_format_obj) },
    { MP_ROM_QSTR(MP_QSTR_size), MP_ROM_PTR(&image_size_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_pixel), MP_ROM_PTR(&image_get_pixel_obj) },
    { MP_ROM_QSTR(MP_QSTR_set_pixel), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_mean_pool), MP_ROM_PTR(&image_mean_pool_obj) },
    { MP_ROM_QSTR(MP_QSTR_mean_pooled), MP_ROM_PTR(&image_mean_pooled_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_bitmap), MP_ROM_PTR(&image_to_bitmap_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_grayscale), MP_ROM_PTR(&image_to_grayscale_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_rgb565), MP_ROM_PTR(&image_to_rgb565_obj) },
    { MP_ROM_QSTR(MP_QSTR_to_rainbow), MP_ROM_PTR(&image_to_rgb565_obj) },
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&image_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_crop), MP_ROM_PTR(&image_crop_obj) },
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&image_self_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_line), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_rectangle), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_circle), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_ellipse), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_font), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_string), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_cross), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_arrow), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_draw_image), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_binary), MP_ROM_PTR(&image_binary_obj) },
    { MP_ROM_QSTR(MP_QSTR_invert), MP_ROM_PTR(&image_self_obj) },
    { MP_ROM_QSTR(MP_QSTR_negate), MP_ROM_PTR(&image_self_obj) },
    { MP_ROM_QSTR(MP_QSTR_lens_corr), MP_ROM_PTR(&image_self_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_conv3), MP_ROM_PTR(&image_none_kw_obj) },
    { MP_ROM_QSTR(MP_QSTR_resize), MP_ROM_PTR(&image_resize_obj) },
    { MP_ROM_QSTR(MP_QSTR_ai_to_pix), MP_ROM_PTR(&image_ai_to_pix_obj) },
    { MP_ROM_QSTR(MP_QSTR_pix_to_ai), MP_ROM_PTR(&image_pix_to_ai_obj) },
    { MP_ROM_QSTR(MP_QSTR_strech_char), MP_ROM_PTR(&image_none_2_obj) },
    { MP_ROM_QSTR(MP_QSTR_stretch), MP_ROM_PTR(&image_none_3_obj) },
    { MP_ROM_QSTR(MP_QSTR_cut), MP_ROM_PTR(&image_cut_obj) },
    STANDIN_NOT_MODELLED_ENTRY(Image, midpoint_pool),
    STANDIN_NOT_MODELLED_ENTRY(Image, midpoint_pooled),
    STANDIN_NOT_MODELLED_ENTRY(Image, compress),
    STANDIN_NOT_MODELLED_ENTRY(Image, compress_for_ide),
    STANDIN_NOT_MODELLED_ENTRY(Image, compressed),
    STANDIN_NOT_MODELLED_ENTRY(Image, compressed_for_ide),
    STANDIN_NOT_MODELLED_ENTRY(Image, save),
    STANDIN_NOT_MODELLED_ENTRY(Image, to_bytes),
    STANDIN_NOT_MODELLED_ENTRY(Image, flood_fill),
    STANDIN_NOT_MODELLED_ENTRY(Image, draw_keypoints),
    STANDIN_NOT_MODELLED_ENTRY(Image, histeq),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_similarity),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_histogram),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_hist),
    STANDIN_NOT_MODELLED_ENTRY(Image, histogram),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_statistics),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_stats),
    STANDIN_NOT_MODELLED_ENTRY(Image, statistics),
    STANDIN_NOT_MODELLED_ENTRY(Image, get_regression),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_blobs),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_lines),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_line_segments),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_circles),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_rects),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_qrcodes),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_apriltags),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_datamatrices),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_barcodes),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_displacement),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_template),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_features),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_eye),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_lbp),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_keypoints),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_domain),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_edges),
    STANDIN_NOT_MODELLED_ENTRY(Image, find_hog),
    STANDIN_NOT_MODELLED_ENTRY(Image, selective_search),
    STANDIN_NOT_MODELLED_ENTRY(Image, dump_roi),
    STANDIN_NOT_MODELLED_ENTRY(Image, linpolar),
    STANDIN_NOT_MODELLED_ENTRY(Image, logpolar),
    STANDIN_NOT_MODELLED_ENTRY(Image, rotation_corr),
};
STATIC MP_DEFINE_CONST_DICT(image_locals, image_locals_table);

const mp_obj_type_t standin_image_type = {
    { &mp_type_type },
    .name = MP_QSTR_Image,
    .print = image_print,
    .subscr = image_subscr,
    .locals_dict = (mp_obj_dict_t *)&image_locals,
};

/******************************************************************************/
// The module

// Width, height and components of a JPEG (its first SOF segment) or a BMP (its header).
typedef struct {
    int w, h, bpp;
} decoded_t;

static bool parse_jpeg(const uint8_t *data, size_t len, decoded_t *out) {
    size_t i = 2;
    while (i + 9 < len) {
        if (data[i] != 0xFF) {
            return false;
        }
        uint8_t marker = data[i + 1];
        size_t seg = (size_t)data[i + 2] << 8 | data[i + 3];
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
            && marker != 0xCC;
        if (sof) {
            out->h = data[i + 5] << 8 | data[i + 6];
            out->w = data[i + 7] << 8 | data[i + 8];
            out->bpp = data[i + 9] == 1 ? IMAGE_BPP_GRAYSCALE : IMAGE_BPP_RGB565;
            return true;
        }
        i += 2 + seg;
    }
    return false;
}

static bool parse_bmp(const uint8_t *data, size_t len, decoded_t *out) {
    if (len < 30) {
        return false;
    }
    int32_t w = (int32_t)(data[18] | data[19] << 8 | data[20] << 16 | (uint32_t)data[21] << 24);
    int32_t h = (int32_t)(data[22] | data[23] << 8 | data[24] << 16 | (uint32_t)data[25] << 24);
    int bits = data[28] | data[29] << 8;
    out->w = w;
    out->h = h < 0 ? -h : h;
    out->bpp = bits == 8 ? IMAGE_BPP_GRAYSCALE : bits == 1 ? IMAGE_BPP_BINARY : IMAGE_BPP_RGB565;
    return true;
}

// The file object vfs_internal_open makes for the firmware's decoder: FatFs' FIL beside the
// object header, 64 bytes, no finaliser, garbage once the decoder has closed it.
static void *open_file_object(void) {
    void *file = m_malloc(64);
    gcsim_record_set_type(file, EVENT_TYPE_FILE);
    return file;
}

// image.Image(path): the file read through the decoder (a few hundred bytes of header are
// enough here), then the decoded pixels and the object.
static mp_obj_t load_file(const char *path) {
    void *file = open_file_object();
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        m_del(uint8_t, file, 64);  // the firmware frees the object when f_open fails
        mp_raise_OSError(MP_ENOENT);
    }
    uint8_t head[4096];
    ssize_t n = read(fd, head, sizeof(head));
    close(fd);
    decoded_t decoded = {0, 0, 0};
    bool ok = false;
    if (n >= 2 && head[0] == 0xFF && head[1] == 0xD8) {
        ok = parse_jpeg(head, (size_t)n, &decoded);
    } else if (n >= 2 && head[0] == 'B' && head[1] == 'M') {
        // bmp_read opens the file a second time.
        open_file_object();
        ok = parse_bmp(head, (size_t)n, &decoded);
    } else {
        mp_raise_ValueError("format not supported");
    }
    if (!ok) {
        mp_raise_OSError(MP_EINVAL);
    }
    void *pixels = standin_xalloc(standin_image_bytes(decoded.w, decoded.h, decoded.bpp),
        EVENT_TYPE_PIXELS);
    return standin_image_new(decoded.w, decoded.h, decoded.bpp, pixels, NULL);
}

// image.Image(path | size=(w, h) | copy_to_fb=…); from_bytes and file objects not modelled.
STATIC mp_obj_t image_Image(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    bool copy_to_fb = arg_bool(0, args, 1, kw_args, MP_QSTR_copy_to_fb);
    if (arg_bool(0, args, 1, kw_args, MP_QSTR_from_bytes)) {
        standin_raise_not_modelled(MP_QSTR_image, MP_QSTR_from_bytes);
    }
    mp_map_elem_t *size = mp_map_lookup(kw_args, MP_OBJ_NEW_QSTR(MP_QSTR_size), MP_MAP_LOOKUP);
    if (n_args >= 1 && args[0] != mp_const_none) {
        if (!mp_obj_is_str(args[0])) {
            standin_raise_not_modelled(MP_QSTR_image, MP_QSTR_Image);
        }
        return load_file(mp_obj_str_get_str(args[0]));
    }
    int w = LCD_WIDTH;
    int h = LCD_HEIGHT;
    if (size != NULL) {
        mp_obj_t *items;
        mp_obj_get_array_fixed_n(size->value, 2, &items);
        if (mp_obj_get_int(items[0]) > 0 && mp_obj_get_int(items[1]) > 0) {
            w = (int)mp_obj_get_int(items[0]);
            h = (int)mp_obj_get_int(items[1]);
        }
    }
    void *pixels = copy_to_fb ? (void *)standin_camera_pixels
        : standin_xalloc((size_t)w * (size_t)h * 2, EVENT_TYPE_PIXELS);
    return standin_image_new(w, h, IMAGE_BPP_RGB565, pixels, NULL);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_KW(image_Image_obj, 0, image_Image);

// get_affine_transform(src_points, dst_points): nine floats, then their tuple (the transform is
// not computed: the identity).
STATIC mp_obj_t image_get_affine_transform(mp_obj_t src, mp_obj_t dst) {
    if (!mp_obj_is_type(src, &mp_type_list) || !mp_obj_is_type(dst, &mp_type_list)) {
        mp_raise_msg(&mp_type_OSError, "Need input [[x0,y0],[x1,y1],...]\r\n");
    }
    size_t n_src, n_dst;
    mp_obj_t *src_items, *dst_items;
    mp_obj_get_array(src, &n_src, &src_items);
    mp_obj_get_array(dst, &n_dst, &dst_items);
    if (n_src != n_dst || n_src > 10) {
        mp_raise_msg(&mp_type_AssertionError, "src len must equal with dst len, <= 10 points");
    }
    mp_obj_t t[9];
    for (int i = 0; i < 9; ++i) {
        t[i] = mp_obj_new_float(i % 4 == 0 ? 1.0f : 0.0f);
    }
    return mp_obj_new_tuple(9, t);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(image_get_affine_transform_obj, image_get_affine_transform);

// warp_affine_ai(src, dst, T): writes dst's AI buffer, which it must have; nothing allocated.
STATIC mp_obj_t image_warp_affine_ai(mp_obj_t src_in, mp_obj_t dst_in, mp_obj_t transform) {
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(transform, 9, &items);
    standin_image_t *src = standin_image_get(src_in);
    standin_image_t *dst = standin_image_get(dst_in);
    if (src->bpp != dst->bpp) {
        mp_raise_ValueError("src_img->bpp != dst_img->bpp");
    }
    if (src->pix_ai == NULL || dst->pix_ai == NULL) {
        mp_raise_ValueError("only support ai image affine");
    }
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(image_warp_affine_ai_obj, image_warp_affine_ai);

// Colour conversions: a 3-tuple of small ints (or an int), as the firmware returns.
STATIC mp_obj_t image_color_tuple(mp_obj_t color) {
    mp_obj_t *items;
    if (mp_obj_is_int(color)) {
        items = NULL;
    } else {
        mp_obj_get_array_fixed_n(color, 3, &items);
    }
    mp_obj_t out[3] = {
        items != NULL ? items[0] : color, items != NULL ? items[1] : color,
        items != NULL ? items[2] : color,
    };
    return mp_obj_new_tuple(3, out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_color_tuple_obj, image_color_tuple);

STATIC mp_obj_t image_rgb_to_grayscale(mp_obj_t color) {
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(color, 3, &items);
    return MP_OBJ_NEW_SMALL_INT((mp_obj_get_int(items[0]) * 38 + mp_obj_get_int(items[1]) * 75
        + mp_obj_get_int(items[2]) * 15) >> 7);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(image_rgb_to_grayscale_obj, image_rgb_to_grayscale);

STANDIN_NOT_MODELLED(image, font_load);
STANDIN_NOT_MODELLED(image, font_free);
STANDIN_NOT_MODELLED(image, ImageWriter);
STANDIN_NOT_MODELLED(image, ImageReader);
STANDIN_NOT_MODELLED(image, HaarCascade);
STANDIN_NOT_MODELLED(image, load_descriptor);
STANDIN_NOT_MODELLED(image, save_descriptor);
STANDIN_NOT_MODELLED(image, match_descriptor);

STATIC const mp_rom_map_elem_t image_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_image) },
    { MP_ROM_QSTR(MP_QSTR_SEARCH_EX), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_SEARCH_DS), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_EDGE_CANNY), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_EDGE_SIMPLE), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_CORNER_FAST), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_CORNER_AGAST), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_ASCII), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_UTF8), MP_ROM_INT(1) },
    { MP_ROM_QSTR(MP_QSTR_Image), MP_ROM_PTR(&image_Image_obj) },
    { MP_ROM_QSTR(MP_QSTR_rgb_to_lab), MP_ROM_PTR(&image_color_tuple_obj) },
    { MP_ROM_QSTR(MP_QSTR_lab_to_rgb), MP_ROM_PTR(&image_color_tuple_obj) },
    { MP_ROM_QSTR(MP_QSTR_rgb_to_grayscale), MP_ROM_PTR(&image_rgb_to_grayscale_obj) },
    { MP_ROM_QSTR(MP_QSTR_grayscale_to_rgb), MP_ROM_PTR(&image_color_tuple_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_affine_transform), MP_ROM_PTR(&image_get_affine_transform_obj) },
    { MP_ROM_QSTR(MP_QSTR_warp_affine_ai), MP_ROM_PTR(&image_warp_affine_ai_obj) },
    STANDIN_NOT_MODELLED_ENTRY(image, font_load),
    STANDIN_NOT_MODELLED_ENTRY(image, font_free),
    STANDIN_NOT_MODELLED_ENTRY(image, ImageWriter),
    STANDIN_NOT_MODELLED_ENTRY(image, ImageReader),
    STANDIN_NOT_MODELLED_ENTRY(image, HaarCascade),
    STANDIN_NOT_MODELLED_ENTRY(image, load_descriptor),
    STANDIN_NOT_MODELLED_ENTRY(image, save_descriptor),
    STANDIN_NOT_MODELLED_ENTRY(image, match_descriptor),
};
STATIC MP_DEFINE_CONST_DICT(image_globals, image_globals_table);

const mp_obj_module_t standin_image_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&image_globals,
};

MP_REGISTER_MODULE(MP_QSTR_image, standin_image_module, 1);
