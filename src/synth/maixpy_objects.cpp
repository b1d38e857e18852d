#include "synth/maixpy_objects.h"

#include "synth/py_objects.h"

namespace gcsim::synth {

ObjectId snapshot(TraceBuilder& b) { return b.alloc(kImageObjectBytes); }

ObjectId new_image(TraceBuilder& b, std::uint64_t pixel_bytes) {
  const ObjectId pixels = b.alloc(pixel_bytes);
  const ObjectId image = b.alloc(kImageObjectBytes);
  b.adopt(image, pixels);
  return image;
}

void pix_to_ai(TraceBuilder& b, ObjectId image, std::uint64_t ai_bytes) {
  b.adopt(image, b.alloc(ai_bytes));
}

ObjectId kpu_load(TraceBuilder& b) { return b.alloc(kKpuTaskBytes); }

ObjectId kpu_forward(TraceBuilder& b) { return b.alloc(kFmapBytes); }

FloatTuple fmap_slice(TraceBuilder& b, std::uint64_t n_values, std::uint64_t held_index) {
  FloatTuple out;
  out.tuple = new_tuple(b, n_values);
  for (std::uint64_t i = 0; i < n_values; ++i) {
    const ObjectId value = new_float(b);
    b.ref(out.tuple, value);
    if (i == held_index) {
      out.held = value;
    } else {
      b.drop(value);
    }
  }
  return out;
}

ObjectId run_yolo2(TraceBuilder& b, std::uint64_t n_detections) {
  if (n_detections == 0) return {};
  List list = new_list(b);
  for (std::uint64_t i = 0; i < n_detections; ++i) {
    const ObjectId detection = b.alloc(kYoloDetectionBytes);
    b.adopt(detection, new_float(b));
    list_append(b, list, detection);
  }
  return seal(b, list);
}

}  // namespace gcsim::synth
