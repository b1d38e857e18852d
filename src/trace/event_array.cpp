#include "trace/event_array.h"

namespace gcsim {

EventArray::EventArray(const std::vector<Event>& events) {
  events_.reserve(events.size());
  for (const Event& e : events) push_back(e);
}

void EventArray::push_back(const Event& e) {
  Packed p;
  p.op = e.op;
  switch (e.op) {
    case Op::threshold:
      p.a = static_cast<std::uint64_t>(e.amount);
      break;
    case Op::observe:
      p.a = static_cast<std::uint64_t>(e.mem_alloc.value_or(0));
      p.b = static_cast<std::uint64_t>(e.mem_free.value_or(0));
      p.flags = static_cast<std::uint8_t>((e.mem_alloc ? kHasMemAlloc : 0) |
                                          (e.mem_free ? kHasMemFree : 0));
      break;
    default:
      p.a = e.id;
      p.b = e.op == Op::ref || e.op == Op::unref ? e.to : e.size;
      p.flags = e.fin ? kFin : 0;
  }
  if (!e.text.empty()) {
    const auto [it, added] = text_index_.emplace(e.text, static_cast<std::uint32_t>(texts_.size()));
    if (added) texts_.push_back(e.text);
    p.text = it->second;
  }
  events_.push_back(p);
}

void EventArray::load(std::size_t i, Event& out) const {
  const Packed& p = events_[i];
  out.op = p.op;
  out.id = out.to = out.size = 0;
  out.amount = 0;
  out.fin = (p.flags & kFin) != 0;
  out.mem_alloc.reset();
  out.mem_free.reset();
  switch (p.op) {
    case Op::threshold:
      out.amount = static_cast<std::int64_t>(p.a);
      break;
    case Op::observe:
      if (p.flags & kHasMemAlloc) out.mem_alloc = static_cast<std::int64_t>(p.a);
      if (p.flags & kHasMemFree) out.mem_free = static_cast<std::int64_t>(p.b);
      break;
    case Op::ref:
    case Op::unref:
      out.id = p.a;
      out.to = p.b;
      break;
    default:
      out.id = p.a;
      out.size = p.b;
  }
  if (p.text == kNoText) {
    out.text.clear();
  } else {
    out.text = texts_[p.text];
  }
}

Event EventArray::at(std::size_t i) const {
  Event e;
  load(i, e);
  return e;
}

}  // namespace gcsim
