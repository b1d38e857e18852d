// face-recognition: MaixPy's face recognition demo (MaixPy-v1_scripts,
// demo_face_recognition.py), three KPU models and a gc.collect() every frame:
//
//   task_fd, task_ld, task_fe = kpu.load(0x200000), kpu.load(0x300000), kpu.load(0x400000)
//   anchor = (…10 floats…); dst_point = [(44,59), (84,59), (64,82), (47,105), (81,105)]
//   a = kpu.init_yolo2(task_fd, 0.5, 0.3, 5, anchor)   # args 48, 12 floats, tuple 96
//   img_lcd = image.Image()                        # 153,600 + 40, kept
//   img_face = image.Image(size=(128, 128))        # 32,768 + 40, kept
//   a = img_face.pix_to_ai()                       # 49,152, kept
//   record_ftrs = []; names = ['Mr.1', …, 'Mr.10']
//   while(1):
//       img = sensor.snapshot()                    # 40
//       code = kpu.run_yolo2(task_fd, img)         # None or detections (yolo-face)
//       if code:
//           for i in code:                         # the loop breaks after the first face
//               a = img.draw_rectangle(i.rect())   # tuple 48
//               face_cut = img.cut(i.x(), i.y(), i.w(), i.h())     # w·h·2 (~24,000) + 40
//               face_cut_128 = face_cut.resize(128, 128)           # 32,768 + 40
//               a = face_cut_128.pix_to_ai()                       # 49,152
//               fmap = kpu.forward(task_ld, face_cut_128); plist = fmap[:]   # 32; slice 32,
//                                                          # tuple 96 + 10 floats
//               le = (i.x()+int(plist[0]*i.w() - 10), i.y()+int(plist[1]*i.h()))
//               re, nose, lm, rm = …               # tuples 32, float temporaries 16
//               src_point = [le, re, nose, lm, rm] # list 32 + 40
//               T = image.get_affine_transform(src_point, dst_point)   # 9 floats, tuple 88
//               a = image.warp_affine_ai(img, img_face, T); a = img_face.ai_to_pix()
//               del(face_cut_128)
//               fmap = kpu.forward(task_fe, img_face)
//               feature = kpu.face_encode(fmap[:]) # slice, 196 floats; bytearray(196)
//               scores = []; for j …: scores.append(kpu.face_compare(record_ftrs[j], feature))
//               a = img.draw_string(i.x(), i.y(), ("%s :%2.1f" % (names[index], max_score))
//                                   or ("X :%2.1f" % (max_score)), color=(…), scale=2)
//               if start_processing: record_ftrs.append(feature)   # the boot key: a face
//               break                                              # recorded, at most 10
//       fps = clock.fps(); print("%2.1f fps" % fps)
//       a = lcd.display(img)
//       gc.collect()
//
// Faces in view: none 30 %, one 60 %, two 10 %; a face is 80–130 pixels wide and high. The
// names bound in a frame (face_cut, fmap, plist, feature, …) survive the frame's collection and
// die when a later frame rebinds them.
#include <array>

#include "synth/maixpy_objects.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kLandmarks = 10;
constexpr std::uint64_t kFeatureFloats = 196;
constexpr std::uint64_t kMaxRecorded = 10;
constexpr std::array<const char*, 5> kLandmarkNames = {"le", "re", "nose", "lm", "rm"};

std::uint64_t faces_to_recognise(SynthRandom& rng) {
  const std::uint64_t roll = rng.between(1, 100);
  return roll <= 30 ? 0 : roll <= 90 ? 1 : 2;
}

// One landmark point: `(i.x() + int(plist[k] * i.w()), i.y() + int(plist[k+1] * i.h()))`.
ObjectId landmark(TraceBuilder& b, std::uint64_t n_float_temporaries) {
  for (std::uint64_t t = 0; t < n_float_temporaries; ++t) b.drop(new_float(b));
  return new_tuple(b, 2);
}

void recognise_face(Script& s, List& record_ftrs) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  b.drop(new_tuple(b, 4));  // i.rect()
  const std::uint64_t w = s.random().between(80, 130), h = s.random().between(80, 130);
  v.bind("face_cut", new_image(b, rgb565_bytes(w, h)));
  v.bind("face_cut_128", new_image(b, rgb565_bytes(128, 128)));
  pix_to_ai(b, v.get("face_cut_128"), kAi128Bytes);
  v.bind("fmap", kpu_forward(b));
  v.bind("plist", fmap_slice(b, kLandmarks, kLandmarks).tuple);
  List src_point = new_list(b, 5);
  for (std::size_t k = 0; k < kLandmarkNames.size(); ++k) {
    v.bind(kLandmarkNames[k], landmark(b, k == 0 ? 3 : 2));  // le also subtracts 10
    list_append(b, src_point, v.get(kLandmarkNames[k]), Ownership::shared);
  }
  v.bind("src_point", seal(b, src_point));
  v.bind("T", affine_transform(b));
  v.unbind("face_cut_128");
  v.bind("fmap", kpu_forward(b));
  const ObjectId feature_floats = fmap_slice(b, kFeatureFloats, kFeatureFloats).tuple;
  v.bind("feature", new_bytearray(b, kFeatureFloats));
  b.drop(feature_floats);
  List scores = new_list(b);
  for (std::uint64_t j = 0; j < record_ftrs.len; ++j) list_append(b, scores, new_float(b));
  v.bind("scores", seal(b, scores));
  const bool known = record_ftrs.len > 0 && s.random().chance(3, 4);
  if (known) {
    const ObjectId args = new_tuple(b, 2);
    b.drop(format_text(b, {value(4), literal(2), value(4)}));  // "Mr.3 :91.2"
    b.drop(args);
  } else {
    b.drop(format_text(b, {literal(3), value(s.random().between(3, 4))}));  // "X :42.0"
  }
  b.drop(new_tuple(b, 3));  // color=(…)
  if (record_ftrs.len < kMaxRecorded && s.random().chance(1, 12)) {
    v.unbind("record_ftr");  // record_ftr = feature: the old [] goes
    list_append(b, record_ftrs, v.get("feature"), Ownership::shared);
  }
}

}  // namespace

void generate_face_recognition(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  s.run_main_module(
      {.module_lines = 62, .functions = 1, .new_names = 30, .floats = 12, .globals = 40});
  v.bind("task_fd", kpu_load(b));
  v.bind("task_ld", kpu_load(b));
  v.bind("task_fe", kpu_load(b));
  v.bind("clock", time_clock(b));
  v.bind("anchor", new_tuple(b, 10));
  List dst_point = new_list(b, 5);
  for (int p = 0; p < 5; ++p) list_append(b, dst_point, new_tuple(b, 2));
  v.bind("dst_point", seal(b, dst_point));
  kpu_init_yolo2(b, v.get("task_fd"), 5);
  v.bind("img_lcd", new_image(b, kQvgaRgb565Bytes));
  v.bind("img_face", new_image(b, rgb565_bytes(128, 128)));
  pix_to_ai(b, v.get("img_face"), kAi128Bytes);
  List record_ftr = new_list(b);
  v.bind("record_ftr", seal(b, record_ftr));
  List record_ftrs = new_list(b);
  List names = new_list(b, 10);  // 'Mr.1' … 'Mr.10' are qstrs
  for (int n = 0; n < 10; ++n) list_append(b, names, {});
  v.bind("names", seal(b, names));
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    v.bind("img", snapshot(b));
    const std::uint64_t faces = faces_to_recognise(s.random());
    v.bind("code", run_yolo2(b, faces));
    if (faces > 0) recognise_face(s, record_ftrs);
    v.bind("fps", new_float(b));
    b.drop(format_text(b, {value(4), literal(4)}));  // "%2.1f fps"
    b.collect();
  }
}

}  // namespace gcsim::synth
