// TraceBuilder: the events a synthetic program emits, in order, with fresh ids (1, 2, 3, …,
// never reused). It hands each event to a callback at once, so a long trace is never held in
// memory.
//
// The generators follow one convention so that a trace stays valid whichever allocations fail
// on the heap it is replayed on (the generator cannot know; the replay skips events on failed
// ids): the program holds every allocation it will name again until that object's last event,
// and an object reached only through a container is never named again. So `adopt` (ref, then
// drop) is the last event of a child; a container's growing parts (a list's item array, a
// dict's table and values) stay held until the container is finished or released.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "trace/event.h"

namespace gcsim::synth {

// A trace object id; 0 stands for "no object" (Python's None, an unbound variable).
struct ObjectId {
  std::uint64_t value = 0;
  explicit operator bool() const { return value != 0; }
  bool operator==(const ObjectId&) const = default;
};

class TraceBuilder {
 public:
  using Emit = std::function<void(const Event&)>;
  explicit TraceBuilder(Emit emit) : emit_(std::move(emit)) {}

  // gc_alloc(n_bytes): a new object, held by the program. `type` names it for heap maps.
  ObjectId alloc(std::uint64_t n_bytes, std::string_view type = {}, bool fin = false);
  void realloc(ObjectId id, std::uint64_t n_bytes);
  void free(ObjectId id);
  // Leaves the root set; dropping "no object" does nothing.
  void drop(ObjectId id);
  void ref(ObjectId from, ObjectId to);
  void unref(ObjectId from, ObjectId to);
  // `parent` now holds the only pointer to `child`: ref, then drop. Does nothing for no child.
  void adopt(ObjectId parent, ObjectId child);
  void collect();
  void mark(std::string label);

  // gc_alloc calls emitted so far (the compile model uses it to tell whether anything was
  // allocated after a chunk it might grow in place).
  std::uint64_t allocations() const { return allocations_; }

 private:
  void emit_on(Op op, ObjectId id);
  // A ref or unref event from `from` to `to` (both must be real objects).
  void link(Op op, ObjectId from, ObjectId to);

  Emit emit_;
  std::uint64_t next_id_ = 1;
  std::uint64_t allocations_ = 0;
};

}  // namespace gcsim::synth
