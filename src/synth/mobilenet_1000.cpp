// mobilenet-1000: MaixPy's 1000-class MobileNet demo (MaixPy-v1_scripts,
// mobilenetv1_1000class.py):
//
//   f = open('labels.txt', 'r')            # file object 64, finaliser
//   labels = f.readlines()                 # 1,000 str (header 32 + line, read through a vstr
//                                          # of 16 growing a byte at a time); the list's items
//                                          # double 4 → 1,024 (8,192 bytes)
//   f.close()
//   task = kpu.load(0x200000)             # task object 64, finaliser
//   clock = time.clock()
//   while(True):
//       img = sensor.snapshot()            # 40
//       clock.tick()
//       fmap = kpu.forward(task, img)      # 32
//       fps = clock.fps()                  # float 16
//       plist = fmap[:]                    # slice 32, tuple 8,016 + 1,000 floats × 16
//       pmax = max(plist)
//       max_index = plist.index(pmax)
//       a = lcd.display(img, oft=(0,0))    # tuple 32
//       lcd.draw_string(0, 224, "%.2f:%s                            " %
//                       (pmax, labels[max_index].strip()))
//                                          # strip: str 32 + len+1; tuple 32; vstr 16 → …; str 32
//       print(fps)
//
// Label lines are 4–60 bytes ('\n' included). The labels stay for the whole run; a frame's
// ~24 KB (~40 KB of blocks) is garbage once its names are rebound in the next frame.
#include <vector>

#include "synth/maixpy_objects.h"
#include "synth/py_io.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kClasses = 1000;

}  // namespace

void generate_mobilenet_1000(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  s.run_main_module({.module_lines = 24, .new_names = 6, .long_strings = 3, .globals = 12});
  s.variables().bind("f", open_file(b));
  List labels = new_list(b);
  std::vector<std::uint64_t> label_lengths;
  for (std::uint64_t i = 0; i < kClasses; ++i) {
    const std::uint64_t line = s.random().between(4, 60);
    label_lengths.push_back(line - 1);
    list_append(b, labels, readline(b, line, "str"));
  }
  readline(b, 0, "str");  // end of file: '' stops readlines
  s.variables().bind("labels", seal(b, labels));
  s.variables().unbind("f");  // f.close(); the finaliser runs when the collector sweeps it
  s.variables().bind("task", kpu_load(b));
  s.variables().bind("clock", time_clock(b));
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    s.variables().bind("img", snapshot(b));
    s.variables().bind("fmap", kpu_forward(b));
    s.variables().bind("fps", new_float(b));
    const std::uint64_t best = s.random().between(0, kClasses - 1);
    const FloatTuple plist = fmap_slice(b, kClasses, best);
    s.variables().bind("plist", plist.tuple);
    s.variables().bind("pmax", plist.held);
    b.drop(new_tuple(b, 2));  // oft=(0,0)
    const std::uint64_t label = label_lengths[best];
    const ObjectId stripped = new_str(b, label);
    const ObjectId args = new_tuple(b, 2);
    b.ref(args, plist.held);
    b.adopt(args, stripped);
    const ObjectId text = format_text(b, {value(4), literal(1), value(label), literal(28)});
    b.drop(args);
    b.drop(text);
  }
}

}  // namespace gcsim::synth
