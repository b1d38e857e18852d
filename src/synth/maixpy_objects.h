// MaixPy's image and KPU objects on the K210: what sensor.snapshot(), image.Image(), resize,
// cut, pix_to_ai, kpu.forward and kpu.run_yolo2 ask of gc_alloc (spec/geometry.md "Object sizes
// on the K210"). Pixel and AI buffers are MaixPy's xalloc, i.e. the GC heap; the camera frame
// buffers, the LCD buffer and the model data are outside it.
//
// Sizes the spec does not give are estimates and marked so: the KPU task object, the feature
// map object, the clock.
#pragma once

#include <cstdint>

#include "synth/trace_builder.h"

namespace gcsim::synth {

inline constexpr std::uint64_t kImageObjectBytes = 40;      // py_image_obj_t
inline constexpr std::uint64_t kQvgaRgb565Bytes = 153'600;  // 320×240×2
inline constexpr std::uint64_t kAi224Bytes = 172'032;       // pix_to_ai() of a 224×224 image
inline constexpr std::uint64_t kAi128Bytes = 49'152;        // pix_to_ai() of a 128×128 image
inline constexpr std::uint64_t kYoloDetectionBytes = 72;    // one kpu.run_yolo2 result
inline constexpr std::uint64_t kKpuTaskBytes = 64;          // estimate: kpu.load()'s object
inline constexpr std::uint64_t kFmapBytes = 32;             // estimate: kpu.forward()'s object
inline constexpr std::uint64_t kClockBytes = 24;            // time.clock(): base + 3 × uint32

// RGB565 bytes of a w×h image.
constexpr std::uint64_t rgb565_bytes(std::uint64_t w, std::uint64_t h) { return w * h * 2; }

// sensor.snapshot(): the image object only; its pixels are the camera's frame buffer.
ObjectId snapshot(TraceBuilder& b);
// image.Image(), img.copy(), img.resize(w, h), img.cut(...), a decoded file: the pixel buffer,
// then the object that owns it.
ObjectId new_image(TraceBuilder& b, std::uint64_t pixel_bytes);
// img.pix_to_ai(): the AI-layout buffer, owned by the image object.
void pix_to_ai(TraceBuilder& b, ObjectId image, std::uint64_t ai_bytes);
// kpu.load(): the task object (the model itself is outside the GC heap).
ObjectId kpu_load(TraceBuilder& b);
// kpu.forward(task, img): the feature-map object (its data stays in KPU memory).
ObjectId kpu_forward(TraceBuilder& b);
// fmap[:]: a tuple of n floats, the tuple first. The float at `held_index` (the one max()
// returns) stays held as well, for a name to take over; an index ≥ n holds none.
struct FloatTuple {
  ObjectId tuple;
  ObjectId held;
};
FloatTuple fmap_slice(TraceBuilder& b, std::uint64_t n_values, std::uint64_t held_index);
// kpu.run_yolo2(task, img): None for no detection, else a list of detection objects, each
// with its probability float.
ObjectId run_yolo2(TraceBuilder& b, std::uint64_t n_detections);

}  // namespace gcsim::synth
