#include "trace/event_array.h"

#include <array>

#include "trace/op_table.h"

namespace gcsim {
namespace {

// For one op, the fields that fill slots a and b (in the op table's order), and whether it has
// a text field (a type or a label): derived from the table once, so that packing and unpacking
// an event walks no table. Most ops' integer fields are plain std::uint64_t members (ids,
// sizes): for them `plain` is set and `u64` names the member each slot goes to, an unused slot
// pointing at one the load has just zeroed (the slot holds 0 then), so unpacking them is two
// stores without a branch per slot.
struct OpSlots {
  std::array<const FieldSpec*, 2> slot{};  // a, b; nullptr: unused
  bool text = false;
  bool plain = false;
  std::array<std::uint64_t Event::*, 2> u64{&Event::id, &Event::size};
};

constexpr bool is_integer(FieldType t) {
  return t == FieldType::trace_id || t == FieldType::size || t == FieldType::int64 ||
         t == FieldType::optional_int64;
}

constexpr std::array<OpSlots, kOpCount> make_op_slots() {
  std::array<OpSlots, kOpCount> out{};
  for (std::size_t op = 0; op < kOpCount; ++op) {
    std::size_t next = 0;
    out[op].plain = true;
    for_each_field(kOps[op].takes, [&](Field f) {
      const FieldSpec& spec = field_spec(f);
      if (spec.type == FieldType::text) out[op].text = true;
      if (!is_integer(spec.type)) return;
      if (next == 2) throw "an op with more than two integer fields does not pack";
      // (No test of `&spec` against nullptr here: under -fsanitize GCC 12 will not evaluate
      // one when compiling.)
      if (spec.u64 == nullptr) {
        out[op].plain = false;
      } else {
        out[op].u64[next] = spec.u64;
      }
      out[op].slot[next++] = &spec;
    });
  }
  return out;
}

constexpr std::array<OpSlots, kOpCount> kOpSlots = make_op_slots();

}  // namespace

EventArray::EventArray(const std::vector<Event>& events) {
  events_.reserve(events.size());
  for (const Event& e : events) push_back(e);
}

void EventArray::push_back(const Event& e) {
  Packed p;
  p.op = e.op;
  const OpSlots& slots = kOpSlots[static_cast<std::size_t>(e.op)];
  std::uint64_t* packed[2] = {&p.a, &p.b};
  if (slots.plain) {  // an unused slot copies a member the op leaves 0, and load() zeroes again
    p.a = e.*slots.u64[0];
    p.b = e.*slots.u64[1];
  }
  for (std::size_t k = 0; k < 2 && !slots.plain; ++k) {
    const FieldSpec* spec = slots.slot[k];
    if (spec == nullptr) continue;
    if (spec->type == FieldType::optional_int64) {
      const std::optional<std::int64_t>& value = e.*spec->optional_i64;
      if (!value) continue;
      *packed[k] = static_cast<std::uint64_t>(*value);
      p.flags |= k == 0 ? kHasA : kHasB;
    } else if (spec->type == FieldType::int64) {
      *packed[k] = static_cast<std::uint64_t>(e.*spec->i64);
    } else {
      *packed[k] = e.*spec->u64;
    }
  }
  if (e.fin) p.flags |= kFin;
  if (slots.text && !e.text.empty()) {
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
  const OpSlots& slots = kOpSlots[static_cast<std::size_t>(p.op)];
  if (slots.plain) {
    out.*slots.u64[0] = p.a;
    out.*slots.u64[1] = p.b;
  } else {
    const std::uint64_t packed[2] = {p.a, p.b};
    for (std::size_t k = 0; k < 2; ++k) {
      const FieldSpec* spec = slots.slot[k];
      if (spec == nullptr) break;
      if (spec->u64 != nullptr) {
        out.*spec->u64 = packed[k];
      } else if (spec->i64 != nullptr) {
        out.*spec->i64 = static_cast<std::int64_t>(packed[k]);
      } else if (p.flags & (k == 0 ? kHasA : kHasB)) {
        out.*spec->optional_i64 = static_cast<std::int64_t>(packed[k]);
      }
    }
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

std::size_t EventArray::memory_bytes() const {
  constexpr std::size_t kNodeBytes = 32;  // an unordered_map node's links and hash, and its bucket
  std::size_t bytes = events_.capacity() * sizeof(Packed) + texts_.capacity() * sizeof(std::string);
  for (const std::string& text : texts_) {
    const std::size_t heap_bytes = text.capacity() > 15 ? text.capacity() + 1 : 0;  // past SSO
    bytes += 2 * heap_bytes + sizeof(std::string) + sizeof(std::uint32_t) + kNodeBytes;
  }
  return bytes;
}

}  // namespace gcsim
