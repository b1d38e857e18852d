// Test helpers: one-line builders for each kind of Event, so expectations read like the trace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "trace/event.h"

namespace gcsim::test {

inline Event bare(Op op) {
  Event event;
  event.op = op;
  return event;
}

inline Event alloc(std::uint64_t id, std::uint64_t size, bool fin = false, std::string type = {}) {
  Event event = bare(Op::alloc);
  event.id = id;
  event.size = size;
  event.fin = fin;
  event.text = std::move(type);
  return event;
}

inline Event realloc(std::uint64_t id, std::uint64_t size) {
  Event event = bare(Op::realloc);
  event.id = id;
  event.size = size;
  return event;
}

// free, drop or hold.
inline Event on_id(Op op, std::uint64_t id) {
  Event event = bare(op);
  event.id = id;
  return event;
}

// ref or unref.
inline Event link(Op op, std::uint64_t from, std::uint64_t to) {
  Event event = bare(op);
  event.id = from;
  event.to = to;
  return event;
}

inline Event threshold(std::int64_t amount) {
  Event event = bare(Op::threshold);
  event.amount = amount;
  return event;
}

inline Event mark(std::string label) {
  Event event = bare(Op::mark);
  event.text = std::move(label);
  return event;
}

inline Event observe(std::optional<std::int64_t> mem_alloc, std::optional<std::int64_t> mem_free) {
  Event event = bare(Op::observe);
  event.mem_alloc = mem_alloc;
  event.mem_free = mem_free;
  return event;
}

}  // namespace gcsim::test
