// camera-preview: MaixPy's fps display demo (MaixPy-v1_scripts, demo_fps_display.py):
//
//   clock = time.clock()
//   lcd.init(); sensor.reset(); sensor.set_pixformat(sensor.RGB565)
//   sensor.set_framesize(sensor.QVGA); sensor.run(1)
//   while True:
//       clock.tick()
//       img = sensor.snapshot()          # image object 40 (pixels: the camera frame buffer)
//       fps = clock.fps()                # float 16
//       img.draw_string(2, 2, ("%2.1ffps" % (fps)), color=(0, 128, 0), scale=2)
//                                        # vstr 16 + str 32 (shrunk to len+1), tuple 40
//       lcd.display(img)
//
// 144 bytes a frame, all garbage by the next frame (img and fps stay bound until rebound).
// The frame time, 35–105 ms (sensor rate and LCD transfer), decides whether the fps text has
// 6 or 7 characters.
#include "synth/maixpy_objects.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {

void generate_camera_preview(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  s.run_main_module({.module_lines = 13, .new_names = 3, .globals = 7});
  s.variables().bind("clock", time_clock(b));
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    s.variables().bind("img", snapshot(b));
    s.variables().bind("fps", new_float(b));
    const std::uint64_t frame_ms = s.random().between(35, 105);
    const std::uint64_t fps_digits = 1000 / frame_ms >= 10 ? 4 : 3;  // "28.6" or "9.5"
    const ObjectId text = format_text(b, {value(fps_digits), literal(3)});
    const ObjectId color = new_tuple(b, 3);
    b.drop(text);
    b.drop(color);
  }
}

}  // namespace gcsim::synth
