// file-read: read a CSV log from the SD card each frame and average one column:
//
//   while True:
//       f = open('/sd/data.csv', 'r')             # file object 64, finaliser
//       text = f.read()                           # vstr 256, +256 by realloc at each full
//                                                 # read, then str 32 (shrunk to len+1)
//       f.close()
//       rows = text.split('\n')                   # list 32 + items (doubling); a str per row
//                                                 # (32 + len+1); the last, '', is a qstr
//       total = 0.0                               # a constant: no allocation
//       for row in rows:
//           if not row: continue
//           cols = row.split(',')                 # list 32 + 32, 4 str (32 + len+1)
//           total += float(cols[2])               # float() 16, the sum 16
//       print('rows %d avg %.2f' % (len(rows), total / len(rows)))
//                                                 # float 16, tuple 32, vstr 16 → …, str 32
//
// A logger appends a row (18–40 bytes) per frame; the file holds 16 rows after a rotation and is
// rotated at 64. The file object is garbage after close() and its finaliser runs when the
// collector sweeps it.
#include <vector>

#include "synth/py_io.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kColumns = 4;
constexpr std::uint64_t kRowsAfterRotation = 16;
constexpr std::uint64_t kRowsAtRotation = 64;

}  // namespace

void generate_file_read(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  s.run_main_module({.module_lines = 16, .new_names = 9, .long_strings = 1, .globals = 9});
  std::vector<std::uint64_t> row_lengths;  // '\n' included
  for (std::uint64_t r = 0; r < kRowsAfterRotation; ++r) {
    row_lengths.push_back(s.random().between(18, 40));
  }
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    if (row_lengths.size() >= kRowsAtRotation) row_lengths.resize(kRowsAfterRotation);
    row_lengths.push_back(s.random().between(18, 40));
    std::uint64_t file_bytes = 0;
    for (std::uint64_t len : row_lengths) file_bytes += len;

    v.bind("f", open_file(b));
    v.bind("text", read_all(b, file_bytes, "str"));
    v.unbind("f");
    List rows = new_list(b);
    for (std::uint64_t len : row_lengths) list_append(b, rows, new_str(b, len - 1));
    list_append(b, rows, {});
    v.bind("rows", seal(b, rows));
    v.unbind("total");  // total = 0.0
    for (std::uint64_t len : row_lengths) {
      List cols = new_list(b);
      std::uint64_t left = len - 1 - (kColumns - 1);  // the row's text without the commas
      for (std::uint64_t c = 0; c < kColumns; ++c) {
        const std::uint64_t field = c + 1 < kColumns ? left / (kColumns - c) : left;
        left -= field;
        list_append(b, cols, new_str(b, field));
      }
      v.bind("cols", seal(b, cols));
      const ObjectId parsed = new_float(b);
      v.bind("total", new_float(b));
      b.drop(parsed);
    }
    const ObjectId average = new_float(b);
    const ObjectId args = new_tuple(b, 2);
    b.adopt(args, average);
    b.drop(format_text(b, {literal(5), value(2), literal(5), value(5)}));
    b.drop(args);
  }
}

}  // namespace gcsim::synth
