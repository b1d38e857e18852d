#include "synth/py_io.h"

#include "synth/py_objects.h"

namespace gcsim::synth {

ObjectId open_file(TraceBuilder& b) { return b.alloc(kFileObjectBytes, {}, true); }

ObjectId readline(TraceBuilder& b, std::uint64_t len, std::string_view type) {
  Vstr v = vstr_init(b, kReadlineVstrBytes);
  if (len == 0) {
    vstr_add(b, v, 1);  // the byte added before a read that returned nothing
    vstr_clear(b, v);
    return {};
  }
  vstr_add_bytes(b, v, len);
  return str_from_vstr(b, v, type);
}

ObjectId read_all(TraceBuilder& b, std::uint64_t n_bytes, std::string_view type) {
  Vstr v = vstr_init(b, kReadAllStepBytes);
  // Each read asks for what is left of the current step; a read that fills it extends the
  // buffer by another step (so an exact multiple of 256 bytes extends once more).
  for (std::uint64_t filled = kReadAllStepBytes; filled <= n_bytes; filled += kReadAllStepBytes) {
    vstr_extend(b, v, kReadAllStepBytes);
  }
  v.len = n_bytes;
  return str_from_vstr(b, v, type);
}

}  // namespace gcsim::synth
