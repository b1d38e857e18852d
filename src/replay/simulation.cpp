#include "replay/simulation.h"

#include <fmt/format.h>

#include "replay/rule_violation.h"
#include "replay/type_letter.h"

namespace gcsim {

Simulation::Simulation(const Layout& layout, Bookkeeping bookkeeping)
    : program_(static_cast<std::uint32_t>(layout.pool_blocks)),
      collector_(layout, program_, bookkeeping),
      gc_(collector_) {}

EventOutcome Simulation::apply(const Event& e, EventIndex index) {
  // One outcome, filled in place and returned by name: built in the caller's slot, never copied
  // (a copy reads it back 16 bytes at a time right after byte-sized stores, and stalls).
  EventOutcome out;
  switch (e.op) {
    case Op::alloc:
      alloc(e, index, out);
      break;
    case Op::realloc:
      realloc(e, index, out);
      break;
    case Op::free: {
      const ObjectSlot slot = program_.live(e.id, "id");
      const Program::Object& o = program_.object(slot);
      out.skipped = o.lost;
      if (o.head != kNoBlock) collector_.free(o.head);
      program_.kill(slot);
      break;
    }
    case Op::drop:
    case Op::hold: {
      const ObjectSlot slot = program_.live(e.id, "id");
      out.skipped = program_.object(slot).lost;
      e.op == Op::drop ? program_.drop(slot) : program_.hold(slot);
      break;
    }
    case Op::ref:
    case Op::unref: {
      // Applied to the program even when an end is lost, so liveness stays the recorded run's.
      const ObjectSlot from = program_.live(e.id, "from");
      const ObjectSlot to = program_.live(e.to, "to");
      const Program::Object& f = program_.object(from);
      out.skipped = f.lost || program_.object(to).lost;
      if (e.op == Op::unref) {
        program_.remove_ref(from, to);
      } else if (f.head == kNoBlock && !f.lost) {
        throw RuleViolation("ref-from-empty",
                            fmt::format("object {} has no memory to store a pointer in", e.id));
      } else {
        program_.add_ref(from, to);
      }
      break;
    }
    case Op::collect:
      out.collection = &gc_.collect();
      break;
    case Op::enable:
      gc_.enable();
      break;
    case Op::disable:
      gc_.disable();
      break;
    case Op::threshold:
      gc_.threshold(e.amount);
      break;
    case Op::mark:
    case Op::observe:
      break;
  }
  return out;
}

void Simulation::alloc(const Event& e, EventIndex index, EventOutcome& out) {
  program_.check_new(e.id);
  const AllocOutcome a = collector_.alloc(e.size, e.fin);
  out.collection = a.collection;
  const char letter = type_letter(e.text);
  if (a.failed()) {
    record_failure(out, e, index, a.n_blocks);
    program_.add(e.id, e.size, e.fin, letter, kNoBlock, index, /*lost=*/true);
    return;
  }
  program_.add(e.id, e.size, e.fin, letter, a.head, index);
  if (a.head != kNoBlock) {
    out.placed_head = a.head;
    out.placed_blocks = a.n_blocks;
  }
}

void Simulation::realloc(const Event& e, EventIndex index, EventOutcome& out) {
  const ObjectSlot slot = program_.live(e.id, "id");
  if (program_.object(slot).lost) {
    // No memory to resize; to 0 bytes it would have dropped its pointers with its memory.
    if (e.size == 0) program_.clear_refs(slot);
    out.skipped = true;
    return;
  }
  const ReallocOutcome r = collector_.realloc(program_.object(slot).head, e.size, true);
  out.collection = r.collection;
  out.realloc = r.kind;
  if (r.kind == ReallocKind::failed) {
    record_failure(out, e, index, r.new_blocks);
    return;
  }
  program_.place(slot, r.head, e.size);
  if (r.head != kNoBlock) {
    out.placed_head = r.head;
    out.placed_blocks = r.new_blocks;
  }
}

void Simulation::record_failure(EventOutcome& out, const Event& e, EventIndex index,
                                std::uint64_t n_blocks) {
  FailureRecord f;
  f.event = index.value;
  f.id = e.id;
  f.realloc = e.op == Op::realloc;
  f.size_bytes = e.size;
  f.n_blocks = n_blocks;
  f.failure_class = collector_.classify_failure(n_blocks);
  const FreeSpace space = collector_.free_space();
  f.mem_free = std::uint64_t{space.free_blocks} * collector_.layout().params.block_bytes;
  f.largest_free_blocks = space.largest_run;
  last_failure_ = f;
  out.failure = &last_failure_;
}

}  // namespace gcsim
