// MaixPy's image and KPU objects on the K210: what sensor.snapshot(), image.Image(), resize,
// cut, pix_to_ai, kpu.load, kpu.init_yolo2, kpu.forward and kpu.run_yolo2 ask of gc_alloc, in
// the firmware's order (docs/maixpy-modules.md has the table and the firmware file of each
// figure). Pixel and AI buffers are MaixPy's xalloc, i.e. the GC heap; the camera frame buffers,
// the LCD buffer and the model data are outside it.
//
// Each allocation is named as `gcsim record`'s MaixPy stand-ins name it (Image, pixels, pix_ai,
// kpu_net, kpu_fmap, kpu_yolo2, kpu_yolo2_find, clock, file), so a synthetic trace and a recorded
// one can be compared allocation by allocation (tests/record/maixpy_test.py).
#pragma once

#include <cstdint>

#include "synth/trace_builder.h"

namespace gcsim::synth {

inline constexpr std::uint64_t kImageObjectBytes = 40;      // py_image_obj_t
inline constexpr std::uint64_t kQvgaRgb565Bytes = 153'600;  // 320×240×2
inline constexpr std::uint64_t kAi224Bytes = 172'032;       // pix_to_ai() of a 224×224 image
inline constexpr std::uint64_t kAi128Bytes = 49'152;        // pix_to_ai() of a 128×128 image
inline constexpr std::uint64_t kYoloDetectionBytes = 72;    // one kpu.run_yolo2 result
inline constexpr std::uint64_t kKpuTaskBytes = 64;          // kpu.load(): py_kpu_net_obj_t
inline constexpr std::uint64_t kYoloArgsBytes = 48;         // kpu.init_yolo2()'s args object
inline constexpr std::uint64_t kFmapBytes = 32;             // kpu.forward(): py_kpu_fmap_obj_t
inline constexpr std::uint64_t kClockBytes = 24;            // time.clock(): base + 3 × uint32
inline constexpr std::uint64_t kVfsFileBytes = 64;          // the decoder's file: base + FatFs FIL
inline constexpr std::uint64_t kSliceBytes = 32;            // mp_obj_slice_t: start, stop, step

// RGB565 bytes of a w×h image.
constexpr std::uint64_t rgb565_bytes(std::uint64_t w, std::uint64_t h) { return w * h * 2; }

// sensor.snapshot(): the image object only; its pixels are the camera's frame buffer.
ObjectId snapshot(TraceBuilder& b);
// image.Image(), img.copy(), img.resize(w, h), img.cut(...), a decoded file: the pixel buffer,
// then the object that owns it.
ObjectId new_image(TraceBuilder& b, std::uint64_t pixel_bytes);
// img.pix_to_ai(): the AI-layout buffer, owned by the image object.
void pix_to_ai(TraceBuilder& b, ObjectId image, std::uint64_t ai_bytes);
// time.clock(): the clock object.
ObjectId time_clock(TraceBuilder& b);
// image.Image(path) of a JPEG: the decoder's file object (64, garbage once the file is read),
// the decoded pixels, then the object.
ObjectId load_jpeg(TraceBuilder& b, std::uint64_t pixel_bytes);
// kpu.load(): the task object, with a finaliser (the model itself is outside the GC heap).
ObjectId kpu_load(TraceBuilder& b);
// kpu.init_yolo2(task, threshold, nms, n, anchors): the args object the task keeps, with the
// threshold and nms floats and a tuple of the 2n anchors as floats (floats first).
void kpu_init_yolo2(TraceBuilder& b, ObjectId task, std::uint64_t n_anchors);
// kpu.forward(task, img): the feature-map object (its data stays in KPU memory).
ObjectId kpu_forward(TraceBuilder& b);
// fmap[:]: the VM's slice object (32, garbage at once), then a tuple of n floats, the tuple
// first. The float at `held_index` (the one max() returns) stays held as well, for a name to take
// over; an index ≥ n holds none.
struct FloatTuple {
  ObjectId tuple;
  ObjectId held;
};
FloatTuple fmap_slice(TraceBuilder& b, std::uint64_t n_values, std::uint64_t held_index);
// kpu.run_yolo2(task, img): None for no detection, else a list of exactly n detection objects
// (mp_obj_new_list(n)), each with its probability float.
ObjectId run_yolo2(TraceBuilder& b, std::uint64_t n_detections);
// image.get_affine_transform(src, dst): nine floats, then their tuple.
ObjectId affine_transform(TraceBuilder& b);

}  // namespace gcsim::synth
