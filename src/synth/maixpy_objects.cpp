#include "synth/maixpy_objects.h"

#include <vector>

#include "synth/py_objects.h"

namespace gcsim::synth {

ObjectId snapshot(TraceBuilder& b) { return b.alloc(kImageObjectBytes, "Image"); }

ObjectId new_image(TraceBuilder& b, std::uint64_t pixel_bytes) {
  const ObjectId pixels = b.alloc(pixel_bytes, "pixels");
  const ObjectId image = b.alloc(kImageObjectBytes, "Image");
  b.adopt(image, pixels);
  return image;
}

void pix_to_ai(TraceBuilder& b, ObjectId image, std::uint64_t ai_bytes) {
  b.adopt(image, b.alloc(ai_bytes, "pix_ai"));
}

ObjectId time_clock(TraceBuilder& b) { return b.alloc(kClockBytes, "clock"); }

ObjectId load_jpeg(TraceBuilder& b, std::uint64_t pixel_bytes) {
  b.drop(b.alloc(kVfsFileBytes, "file"));
  return new_image(b, pixel_bytes);
}

ObjectId kpu_load(TraceBuilder& b) { return b.alloc(kKpuTaskBytes, "kpu_net", true); }

void kpu_init_yolo2(TraceBuilder& b, ObjectId task, std::uint64_t n_anchors) {
  const ObjectId args = b.alloc(kYoloArgsBytes, "kpu_yolo2");
  b.adopt(args, new_float(b));  // threshold
  b.adopt(args, new_float(b));  // nms_value
  std::vector<ObjectId> anchors;
  for (std::uint64_t i = 0; i < 2 * n_anchors; ++i) anchors.push_back(new_float(b));
  const ObjectId tuple = new_tuple(b, 2 * n_anchors);
  for (const ObjectId anchor : anchors) b.adopt(tuple, anchor);
  b.adopt(args, tuple);
  b.adopt(task, args);
}

ObjectId kpu_forward(TraceBuilder& b) { return b.alloc(kFmapBytes, "kpu_fmap"); }

FloatTuple fmap_slice(TraceBuilder& b, std::uint64_t n_values, std::uint64_t held_index) {
  b.drop(b.alloc(kSliceBytes));
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
  List list = new_list(b, n_detections);
  for (std::uint64_t i = 0; i < n_detections; ++i) {
    const ObjectId detection = b.alloc(kYoloDetectionBytes, "kpu_yolo2_find");
    b.adopt(detection, new_float(b));
    list_append(b, list, detection);
  }
  return seal(b, list);
}

ObjectId affine_transform(TraceBuilder& b) {
  std::vector<ObjectId> floats;
  for (int i = 0; i < 9; ++i) floats.push_back(new_float(b));
  const ObjectId tuple = new_tuple(b, 9);
  for (const ObjectId f : floats) b.adopt(tuple, f);
  return tuple;
}

}  // namespace gcsim::synth
