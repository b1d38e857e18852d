// uart-json: JSON telemetry over a UART, one message in and one out per frame:
//
//   uart = UART(UART.UART1, 115200, 8, 0, 1, timeout=1000, read_buf_len=4096)
//                                                 # object (estimate 96) + ring buffer 4,096
//   seq = 0
//   while True:
//       line = uart.readline()                    # None after a timeout (30 %: the 16-byte
//                                                 # vstr is freed), else bytes of 24–120:
//                                                 # vstr 16 grown a byte at a time, header 32
//       if line:
//           msg = ujson.loads(line)               # dict 32, table 2 → 4 → 6 (each old table
//                                                 # freed); token vstr 8 (grows for long
//                                                 # tokens; freed); floats 16; long str 32+n
//           handle(msg)                           # keys and short values are the script's qstrs
//           ack = bytearray(8)                    # 32 + 8: a binary ack frame with a checksum
//           uart.write(ack)
//       seq += 1
//       data = {"seq": seq, "t": time.ticks_ms(), "temp": read_temp(),
//               "acc": [ax, ay, az], "st": "ok"}  # dict 32 + 5 slots 80; 4 floats; list 32+32
//       s = ujson.dumps(data)                     # vstr 8 grown piece by piece (realloc), str 32
//       uart.write(s + "\n")                      # buffer len+2, str 32
//
// An incoming message has 3–6 keys; a value is an int (60 %), a float (25 %) or a string that is
// not a qstr (15 %, 4–30 characters).
#include <vector>

#include "synth/py_io.h"
#include "synth/py_objects.h"
#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

constexpr std::uint64_t kUartObjectBytes = 96;  // estimate
constexpr std::uint64_t kUartRingBytes = 4096;  // read_buf_len

// ujson.loads(line) of a flat object: returns the dict, sealed.
ObjectId json_loads(Script& s) {
  TraceBuilder& b = s.builder();
  Vstr token = vstr_init(b, kJsonVstrBytes);
  Dict dict = new_dict(b);
  const std::uint64_t keys = s.random().between(3, 6);
  for (std::uint64_t k = 0; k < keys; ++k) {
    token.len = 0;                                       // vstr_reset: the buffer keeps its size
    vstr_add_bytes(b, token, s.random().between(1, 6));  // the key: a qstr
    ObjectId value;
    const std::uint64_t roll = s.random().between(1, 100);
    if (roll > 85) {
      const std::uint64_t len = s.random().between(4, 30);
      token.len = 0;
      vstr_add_bytes(b, token, len);
      value = new_str(b, len);
    } else {
      token.len = 0;
      vstr_add_bytes(b, token, s.random().between(1, 7));  // digits
      if (roll > 60) value = new_float(b);
    }
    dict_add(b, dict, value);
  }
  vstr_clear(b, token);
  return seal(b, dict);
}

// s = ujson.dumps(data) of the telemetry dict: '{', then per item '"key"', ': ', the value,
// ', ' between items, '}'. Returns the text's length.
std::uint64_t json_dumps(Script& s) {
  std::vector<TextPart> parts = {value(1)};
  const std::vector<std::uint64_t> key_lengths = {3, 1, 4, 3, 2};  // seq t temp acc st
  for (std::size_t k = 0; k < key_lengths.size(); ++k) {
    if (k > 0) parts.push_back(value(2));
    parts.insert(parts.end(), {value(1), value(key_lengths[k]), value(1), value(2)});
    switch (k) {
      case 0:  // seq
      case 1:  // ticks_ms
        parts.push_back(value(s.random().between(1, 9)));
        break;
      case 2:  // a float's repr
        parts.push_back(value(s.random().between(4, 9)));
        break;
      case 3:  // [ax, ay, az]
        parts.push_back(value(1));
        for (int i = 0; i < 3; ++i) {
          if (i > 0) parts.push_back(value(2));
          parts.push_back(value(s.random().between(3, 9)));
        }
        parts.push_back(value(1));
        break;
      default:  // "ok"
        parts.insert(parts.end(), {value(1), value(2), value(1)});
    }
  }
  parts.push_back(value(1));
  std::uint64_t len = 0;
  for (const TextPart& p : parts) len += p.n_bytes;
  s.variables().bind("s", format_text(s.builder(), parts, kJsonVstrBytes));
  return len;
}

}  // namespace

void generate_uart_json(Script& s, std::uint32_t frames) {
  TraceBuilder& b = s.builder();
  Variables& v = s.variables();
  s.run_main_module({.module_lines = 34, .functions = 2, .new_names = 16, .globals = 14});
  const ObjectId uart = b.alloc(kUartObjectBytes);
  b.adopt(uart, b.alloc(kUartRingBytes));
  v.bind("uart", uart);
  for (std::uint32_t f = 0; f < frames; ++f) {
    s.frame(f);
    const bool got_line = s.random().chance(7, 10);
    v.bind("line", readline(b, got_line ? s.random().between(24, 120) : 0, "bytes"));
    if (got_line) {
      v.bind("msg", json_loads(s));
      v.bind("ack", new_bytearray(b, 8));
    }
    Dict data = new_dict(b, 5);
    dict_add(b, data);                // seq: a small int
    dict_add(b, data);                // t
    dict_add(b, data, new_float(b));  // temp
    const ObjectId ax = new_float(b), ay = new_float(b), az = new_float(b);
    List acc = new_list(b, 3);
    for (ObjectId a : {ax, ay, az}) list_append(b, acc, a);
    dict_add(b, data, seal(b, acc));
    dict_add(b, data);  // "ok"
    v.bind("data", seal(b, data));
    const std::uint64_t text_len = json_dumps(s);
    b.drop(concat(b, text_len + 1));  // s + "\n", written
  }
}

}  // namespace gcsim::synth
