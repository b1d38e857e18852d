// yolo-face: MaixPy's YOLO2 face detection demo (MaixPy-v1_scripts, demo_find_face.py):
//
//   task = kpu.load(0x300000)                       # task object 64, finaliser
//   anchor = (1.889, 2.5245, 2.9465, 3.94056, 3.99987, 5.3658, 5.155437, 6.92275,
//             6.718375, 9.01025)                    # tuple 96; the floats are constants
//   a = kpu.init_yolo2(task, 0.5, 0.3, 5, anchor)   # args 48, 2 floats, 10 anchor floats
//                                                   # and their tuple 96, kept by the task
//   while True:
//       img = sensor.snapshot()                     # image object 40
//       code = kpu.run_yolo2(task, img)             # None, or a list 32 + items 32 of k
//                                                   # detections (72 + its float 16 each)
//       if code:
//           for i in code:
//               print(i)
//               a = img.draw_rectangle(i.rect())    # rect tuple 48
//       a = lcd.display(img)
//
// Faces in view per frame: none 35 %, one 45 %, two 15 %, three 5 %. No explicit collect: the
// heap fills with garbage until an allocation finds no room.
#include "synth/maixpy_objects.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

std::uint64_t faces_to_detect(SynthRandom& rng) {
  const std::uint64_t roll = rng.between(1, 100);
  if (roll <= 35) return 0;
  if (roll <= 80) return 1;
  if (roll <= 95) return 2;
  return 3;
}

}  // namespace

void generate_yolo_face(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  s.run_main_module({.module_lines = 19, .new_names = 4, .floats = 12, .globals = 8});
  s.variables().bind("task", kpu_load(b));
  s.variables().bind("anchor", new_tuple(b, 10));
  kpu_init_yolo2(b, s.variables().get("task"), 5);
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    s.variables().bind("img", snapshot(b));
    const std::uint64_t faces = faces_to_detect(s.random());
    s.variables().bind("code", run_yolo2(b, faces));
    for (std::uint64_t i = 0; i < faces; ++i) b.drop(new_tuple(b, 4));  // i.rect()
  }
}

}  // namespace gcsim::synth
