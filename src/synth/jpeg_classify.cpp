// jpeg-classify: classify the JPEG files on the SD card, one file a frame:
//
//   labels = ['aeroplane', …, 'tvmonitor']          # list 32 + 160 (voc_labels.h)
//   task = kpu.load(0x200000)
//   files = os.listdir('/sd/images')                # a name per frame, 'IMG_0001.jpg':
//                                                   # str 32 + 13 each, kept
//   results = []
//   def classify(path):
//       img = image.Image(path)                     # the decoder's file object 64 (garbage
//                                                   # once read: picojpeg streams the file),
//                                                   # pixels 153,600, object 40
//       img2 = img.resize(224, 224)                 # 100,352 + 40
//       img2.pix_to_ai()                            # 172,032
//       fmap = kpu.forward(task, img2)              # 32
//       plist = fmap[:]                             # slice 32, tuple 176 + 20 floats
//       pmax = max(plist)
//       return labels[plist.index(pmax)], pmax      # tuple 32
//   for name in files:                              # one file a frame
//       path = '/sd/images/' + name                 # 24 + str 32
//       label, p = classify(path)
//       results.append((name, label, p))            # tuple 40, kept; the list doubles
//       print('%s: %s %.2f' % (name, label, p))     # tuple 40, vstr 16 → …, str 32
//
// 153,600 + 100,352 + 172,032 = 425,984 bytes are live at once inside classify(); they are
// garbage once it returns. The file names, the results tuples and the results list, which
// grows by moving, stay: small objects that end up between the big buffers.
#include "synth/maixpy_objects.h"
#include "synth/py_objects.h"
#include "synth/voc_labels.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kNameLen = 12;    // 'IMG_0001.jpg'
constexpr std::uint64_t kFolderLen = 11;  // '/sd/images/'

// classify(path): returns the label's index; `p` is left bound to max(plist).
std::uint64_t classify(Script& s) {
  TraceBuilder& b = s.builder();
  Variables locals(b);
  locals.bind("img", load_jpeg(b, kQvgaRgb565Bytes));
  locals.bind("img2", new_image(b, rgb565_bytes(224, 224)));
  pix_to_ai(b, locals.get("img2"), kAi224Bytes);
  locals.bind("fmap", kpu_forward(b));
  const std::uint64_t idx = s.random().between(0, kVocLabelLengths.size() - 1);
  const FloatTuple plist = fmap_slice(b, kVocLabelLengths.size(), idx);
  locals.bind("plist", plist.tuple);
  const ObjectId returned = new_tuple(b, 2);
  b.ref(returned, plist.held);
  locals.release_all();
  s.variables().bind("p", plist.held);  // label, p = …: the returned tuple is unpacked
  b.drop(returned);
  return idx;
}

}  // namespace

void generate_jpeg_classify(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  s.run_main_module(
      {.module_lines = 24, .functions = 1, .new_names = 14, .long_strings = 3, .globals = 12});
  List labels = new_list(b, kVocLabelLengths.size());
  for (std::size_t i = 0; i < kVocLabelLengths.size(); ++i) list_append(b, labels, {});
  v.bind("labels", seal(b, labels));
  v.bind("task", kpu_load(b));
  List files = new_list(b);
  for (std::uint32_t i = 0; i < frames; ++i) list_append(b, files, new_str(b, kNameLen));
  v.bind("files", seal(b, files));
  List results = new_list(b);
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    v.bind("path", concat(b, kFolderLen + kNameLen));
    const std::uint64_t label = kVocLabelLengths[classify(s)];
    const ObjectId result = new_tuple(b, 3);
    b.ref(result, v.get("p"));
    list_append(b, results, result);
    const ObjectId args = new_tuple(b, 3);
    b.ref(args, v.get("p"));
    b.drop(format_text(b, {value(kNameLen), literal(2), value(label), literal(1), value(4)}));
    b.drop(args);
  }
}

}  // namespace gcsim::synth
