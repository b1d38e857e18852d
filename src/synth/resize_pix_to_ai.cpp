// resize-pix-to-ai: a 20-class classifier whose model wants 224×224 input while the sensor gives
// QVGA, so every frame resizes and converts (the pattern of MaixPy forum scripts that meet
// MemoryError):
//
//   labels = ['aeroplane', …, 'tvmonitor']        # list 32 + 160 (voc_labels.h)
//   task = kpu.load(0x200000); clock = time.clock()   # 64 (finaliser); 24
//   while True:
//       clock.tick()
//       img = sensor.snapshot()                   # 40
//       img2 = img.resize(224, 224)               # 100,352 + 40
//       img2.pix_to_ai()                          # 172,032
//       fmap = kpu.forward(task, img2)            # 32
//       plist = fmap[:]                           # slice 32, tuple 176 + 20 floats
//       pmax = max(plist); idx = plist.index(pmax)
//       img.draw_string(0, 0, "%s %.2f" % (labels[idx], pmax), scale=2)
//                                                 # tuple 32, vstr 16 (→ 40), str 32
//       lcd.display(img)
//       print(clock.fps())                        # float 16
//
// 272,384 bytes of buffers a frame. While the new img2 is being made the previous frame's
// img2 (with its AI buffer) is still bound, so the heap must find 100,352 contiguous bytes
// beside 272,384 live ones, then 172,032 once the old pair is garbage.
#include "synth/maixpy_objects.h"
#include "synth/py_objects.h"
#include "synth/voc_labels.h"
#include "synth/workloads.h"

namespace gcsim::synth {

void generate_resize_pix_to_ai(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  s.run_main_module({.module_lines = 26, .new_names = 8, .long_strings = 2, .globals = 14});
  List labels = new_list(b, kVocLabelLengths.size());
  for (std::size_t i = 0; i < kVocLabelLengths.size(); ++i) list_append(b, labels, {});
  v.bind("labels", seal(b, labels));
  v.bind("task", kpu_load(b));
  v.bind("clock", time_clock(b));
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    v.bind("img", snapshot(b));
    v.bind("img2", new_image(b, rgb565_bytes(224, 224)));
    pix_to_ai(b, v.get("img2"), kAi224Bytes);
    v.bind("fmap", kpu_forward(b));
    const std::uint64_t idx = s.random().between(0, kVocLabelLengths.size() - 1);
    const FloatTuple plist = fmap_slice(b, kVocLabelLengths.size(), idx);
    v.bind("plist", plist.tuple);
    v.bind("pmax", plist.held);
    const ObjectId args = new_tuple(b, 2);
    b.ref(args, plist.held);
    b.drop(format_text(b, {value(kVocLabelLengths[idx]), literal(1), value(4)}));
    b.drop(args);
    b.drop(new_float(b));  // clock.fps(), printed
  }
}

}  // namespace gcsim::synth
