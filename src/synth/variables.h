// Variables: a script's names and the object each one holds (its root in the trace). Binding a
// name drops what it held before, after the new value was made, as STORE_NAME does: during
// `img = sensor.snapshot()` the previous frame's image is still referenced. A function's locals
// are a Variables released when it returns.
//
// Names stand for roots: the trace does not model the globals dict's values pointing at them
// (the table's growth is modelled where names are added, see compile_model.h); for the
// collector both mark the same objects.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "synth/trace_builder.h"

namespace gcsim::synth {

class Variables {
 public:
  explicit Variables(TraceBuilder& b) : b_(b) {}

  // `name = value`; value may be no object (None, a small int). A held object has one name:
  // the trace's held set is not counted, so an alias (`a = img`) is not bound (logic_error).
  void bind(std::string_view name, ObjectId value);
  // `del name` (or a name going out of scope).
  void unbind(std::string_view name);
  // Every name unbound: a function returned.
  void release_all();
  ObjectId get(std::string_view name) const;

 private:
  TraceBuilder& b_;
  std::map<std::string, ObjectId, std::less<>> names_;
};

}  // namespace gcsim::synth
