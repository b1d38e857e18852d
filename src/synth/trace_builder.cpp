#include "synth/trace_builder.h"

#include <stdexcept>

namespace gcsim::synth {
namespace {

void require(ObjectId id, const char* what) {
  if (!id) throw std::logic_error(std::string("TraceBuilder: ") + what + " of no object");
}

}  // namespace

ObjectId TraceBuilder::alloc(std::uint64_t n_bytes, std::string_view type, bool fin) {
  Event e;
  e.op = Op::alloc;
  e.id = next_id_++;
  e.size = n_bytes;
  e.fin = fin;
  e.text = std::string(type);
  ++allocations_;
  emit_(e);
  return ObjectId{e.id};
}

void TraceBuilder::realloc(ObjectId id, std::uint64_t n_bytes) {
  require(id, "realloc");
  Event e;
  e.op = Op::realloc;
  e.id = id.value;
  e.size = n_bytes;
  emit_(e);
}

void TraceBuilder::free(ObjectId id) {
  require(id, "free");
  emit_on(Op::free, id);
}

void TraceBuilder::drop(ObjectId id) {
  if (id) emit_on(Op::drop, id);
}

void TraceBuilder::ref(ObjectId from, ObjectId to) { link(Op::ref, from, to); }

void TraceBuilder::unref(ObjectId from, ObjectId to) { link(Op::unref, from, to); }

void TraceBuilder::link(Op op, ObjectId from, ObjectId to) {
  const char* what = op == Op::ref ? "ref" : "unref";
  require(from, what);
  require(to, what);
  Event e;
  e.op = op;
  e.id = from.value;
  e.to = to.value;
  emit_(e);
}

void TraceBuilder::adopt(ObjectId parent, ObjectId child) {
  if (!child) return;
  ref(parent, child);
  drop(child);
}

void TraceBuilder::collect() {
  Event e;
  e.op = Op::collect;
  emit_(e);
}

void TraceBuilder::mark(std::string label) {
  Event e;
  e.op = Op::mark;
  e.text = std::move(label);
  emit_(e);
}

void TraceBuilder::emit_on(Op op, ObjectId id) {
  Event e;
  e.op = op;
  e.id = id.value;
  emit_(e);
}

}  // namespace gcsim::synth
