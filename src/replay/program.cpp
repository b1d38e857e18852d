#include "replay/program.h"

#include <fmt/format.h>

#include <cstring>
#include <limits>
#include <type_traits>

#include "replay/rule_violation.h"

namespace gcsim {
namespace {

// ref_index_'s key: the slot and its generation, so a reused slot is another target.
std::uint64_t target_key(const Program::Ref& r) {
  return (std::uint64_t{r.generation} << 32) | r.slot.value;
}

// New objects' orders are this far apart, so that an object placed just below its target or
// just above its referrer rarely meets another object's order.
constexpr std::int64_t kOrderGap = std::int64_t{1} << 20;

}  // namespace

Program::Program(std::uint32_t pool_blocks, Bookkeeping bookkeeping)
    : owner_of_block_(pool_blocks),
      root_plane_(pool_blocks),
      pointer_plane_(pool_blocks),
      bookkeeping_(bookkeeping) {
  // Every block ownerless: kNoSlot is all ones, set as bytes. Filled with kNoSlot, GCC 12 wrote
  // the vector one slot at a time (ObjectSlot's constructor is not trivial), a loop as long as
  // the pool that a short trace's replay notices (yolo-face: 1.16x) and a heap scan runs
  // hundreds of times.
  static_assert(std::is_trivially_copyable_v<ObjectSlot> && sizeof(ObjectSlot) == 4 &&
                kNoSlot.value == 0xffffffffu);
  std::memset(static_cast<void*>(owner_of_block_.data()), 0xff,
              owner_of_block_.size() * sizeof(ObjectSlot));
}

void Program::update_planes(const Object& o) {
  if (o.head == kNoBlock) return;
  if (o.held_pos != kNotHeld) {
    root_plane_.set(o.head.value);
  } else {
    root_plane_.clear(o.head.value);
  }
  if (o.refs.empty()) {
    pointer_plane_.clear(o.head.value);
  } else {
    pointer_plane_.set(o.head.value);
  }
}

void Program::clear_planes(BlockIndex head) {
  if (head == kNoBlock) return;
  root_plane_.clear(head.value);
  pointer_plane_.clear(head.value);
}

void Program::check_new(std::uint64_t id) const {
  // Traces mostly count ids up: then this is two comparisons.
  if (!used_before(id)) return;
  throw RuleViolation("id-reused", fmt::format("id {} was allocated before", id));
}

ObjectSlot Program::live(std::uint64_t id, std::string_view role) {
  const ObjectSlot slot = slot_of_id_.find(id);
  if (slot == kNoSlot) {
    if (used_before(id)) {
      throw RuleViolation("dead-id", fmt::format("{} {} is dead (freed or unreachable)", role, id));
    }
    throw RuleViolation("unknown-id", fmt::format("{} {} was never allocated", role, id));
  }
  if (!reachable(slot)) {
    // Garbage now: the id is dead; its blocks stay allocated until a collection sweeps them.
    die(slot);
    if (at(slot).head == kNoBlock) release(slot);
    throw RuleViolation("dead-id",
                        fmt::format("{} {} is no longer reachable from the held set", role, id));
  }
  return slot;
}

ObjectSlot Program::add(std::uint64_t id, std::uint64_t size_bytes, bool fin, char type_letter,
                        BlockIndex head, EventIndex event, bool lost) {
  ObjectSlot slot;
  if (free_slots_.empty()) {
    slot = ObjectSlot(static_cast<std::uint32_t>(objects_.size()));
    objects_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  Object& o = at(slot);
  o.id = id;
  o.size_bytes = size_bytes;
  o.head = head;
  o.alive = true;
  o.lost = lost;
  o.fin = fin;
  o.type_letter = type_letter;
  o.born_event = event;
  o.held_pos = kNotHeld;
  o.unreachable = false;
  o.order = next_order_ += kOrderGap;
  o.n_referrers = 0;
  o.n_unordered_refs = 0;
  o.suspect = false;
  slot_of_id_.insert(id, slot);
  if (!any_id_) {
    any_id_ = true;
    lowest_id_ = id;
    next_new_id_ = id + 1;
  } else if (id >= next_new_id_) {
    if (id > next_new_id_) unused_ids_.insert(next_new_id_, id - 1);
    next_new_id_ = id + 1;
  } else if (id < lowest_id_) {
    if (id + 1 < lowest_id_) unused_ids_.insert(id + 1, lowest_id_ - 1);
    lowest_id_ = id;
  } else {
    unused_ids_.erase(id);
  }
  if (head != kNoBlock) owner_of_block_[head.value] = slot;
  if (lost) ++lost_objects_;
  hold(slot);
  return slot;
}

void Program::place(ObjectSlot slot, BlockIndex head, std::uint64_t size_bytes) {
  Object& o = at(slot);
  if (o.head != kNoBlock) owner_of_block_[o.head.value] = kNoSlot;
  clear_planes(o.head);
  o.head = head;
  o.size_bytes = size_bytes;
  if (head != kNoBlock) {
    owner_of_block_[head.value] = slot;
    update_planes(o);
  } else {
    clear_refs(slot);  // its memory is gone, and the pointers it stored with it
  }
}

void Program::kill(ObjectSlot slot) {
  Object& o = at(slot);
  if (o.held_pos != kNotHeld) drop(slot);
  if (o.head != kNoBlock) owner_of_block_[o.head.value] = kNoSlot;
  die(slot);
  ++epoch_;  // what only it pointed to is garbage now
  release(slot);
}

void Program::die(ObjectSlot slot) {
  if (!at(slot).unreachable) mark_unreachable(slot);
  Object& o = at(slot);
  o.alive = false;
  if (o.lost) --lost_objects_;
  o.lost = false;
  slot_of_id_.erase(o.id);
}

void Program::release(ObjectSlot slot) {
  drop_ref_index(slot);
  Object& o = at(slot);
  clear_planes(o.head);
  std::vector<RefCount>().swap(o.refs);
  o.alive = false;
  o.head = kNoBlock;
  ++o.generation;
  free_slots_.push_back(slot);
}

void Program::hold(ObjectSlot slot) {
  Object& o = at(slot);
  if (o.held_pos != kNotHeld) return;
  o.held_pos = static_cast<std::uint32_t>(held_.size());
  held_.push_back(slot);
  update_planes(o);
}

void Program::drop(ObjectSlot slot) {
  Object& o = at(slot);
  if (o.held_pos == kNotHeld) return;
  const ObjectSlot last = held_.back();
  held_[o.held_pos] = last;
  at(last).held_pos = o.held_pos;
  held_.pop_back();
  o.held_pos = kNotHeld;
  update_planes(o);
  ++epoch_;
  check_support(slot);
  mark_queued_unreachable();
}

std::size_t Program::find_ref(ObjectSlot from, const Ref& to) const {
  const std::vector<RefCount>& refs = object(from).refs;
  if (refs.size() <= kIndexedTargets) {
    for (std::size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].to == to) return i;
    }
    return refs.size();
  }
  const auto& index = ref_index_.find(from.value)->second;
  const auto it = index.find(target_key(to));
  return it == index.end() ? refs.size() : it->second;
}

void Program::add_ref(ObjectSlot from, ObjectSlot to) {
  const Ref wanted{to, at(to).generation};
  std::vector<RefCount>& refs = at(from).refs;
  const std::size_t i = find_ref(from, wanted);
  if (i < refs.size()) {
    if (refs[i].n_pointers == std::numeric_limits<std::uint32_t>::max()) {
      throw RuleViolation("out-of-range", fmt::format("object {} already stores {} pointers to {}",
                                                      at(from).id, refs[i].n_pointers, at(to).id));
    }
    ++refs[i].n_pointers;
    return;
  }
  refs.push_back(RefCount{wanted, 1});
  ++at(to).n_referrers;
  order_ref(from, refs.back());
  if (refs.size() == 1) update_planes(at(from));
  if (refs.size() == kIndexedTargets + 1) {
    auto& index = ref_index_[from.value];
    for (std::size_t k = 0; k < refs.size(); ++k) {
      index.emplace(target_key(refs[k].to), static_cast<std::uint32_t>(k));
    }
  } else if (refs.size() > kIndexedTargets + 1) {
    ref_index_[from.value].emplace(target_key(wanted), static_cast<std::uint32_t>(refs.size() - 1));
  }
}

void Program::remove_ref(ObjectSlot from, ObjectSlot to) {
  const Ref wanted{to, at(to).generation};
  std::vector<RefCount>& refs = at(from).refs;
  const std::size_t i = find_ref(from, wanted);
  if (i == refs.size()) {
    throw RuleViolation("unref-without-ref",
                        fmt::format("object {} holds no reference to {}", at(from).id, at(to).id));
  }
  if (--refs[i].n_pointers > 0) return;  // still points there: nothing can become unreachable
  if (refs[i].unordered) {
    --at(from).n_unordered_refs;
    --n_unordered_refs_;
  }
  if (refs.size() > kIndexedTargets) {
    auto& index = ref_index_.find(from.value)->second;
    index.erase(target_key(wanted));
    if (i + 1 != refs.size()) index[target_key(refs.back().to)] = static_cast<std::uint32_t>(i);
  }
  refs[i] = refs.back();
  refs.pop_back();
  if (refs.empty()) update_planes(at(from));
  if (refs.size() == kIndexedTargets) ref_index_.erase(from.value);
  ++epoch_;
  lose_referrer(wanted);
  mark_queued_unreachable();
}

void Program::clear_refs(ObjectSlot slot) {
  if (at(slot).refs.empty()) return;
  drop_ref_index(slot);
  std::vector<RefCount> refs;
  refs.swap(at(slot).refs);
  Object& o = at(slot);
  n_unordered_refs_ -= o.n_unordered_refs;
  o.n_unordered_refs = 0;
  o.suspect = false;
  update_planes(o);
  ++epoch_;
  for (const RefCount& r : refs) lose_referrer(r.to);
  mark_queued_unreachable();
}

void Program::drop_ref_index(ObjectSlot slot) {
  if (at(slot).refs.size() > kIndexedTargets) ref_index_.erase(slot.value);
}

const Program::Object* Program::owner(BlockIndex head) const {
  if (head.value >= owner_of_block_.size() || owner_of_block_[head.value] == kNoSlot) {
    return nullptr;
  }
  return &object(owner_of_block_[head.value]);
}

const Program::Object* Program::target(const Ref& r) const {
  const Object& t = object(r.slot);
  return t.alive && t.generation == r.generation ? &t : nullptr;
}

bool Program::reachable(ObjectSlot slot) {
  if (at(slot).held_pos != kNotHeld) return true;
  if (bookkeeping_ == Bookkeeping::reference) {
    if (reach_epoch_ != epoch_) recompute_reachable();
    return at(slot).reach_stamp == epoch_;
  }
  if (at(slot).unreachable) return false;
  // Without unordered refs the counted refs form no cycle, so a referrer leads to a hold.
  if (n_unordered_refs_ == 0) {
    for (const Ref& r : suspects_) at(r.slot).suspect = false;
    suspects_.clear();
    return true;
  }
  if (!suspects_.empty()) settle_suspects();
  return !at(slot).unreachable;
}

void Program::settle_suspects() {
  const std::uint64_t in_trial = ++epoch_;
  trial_.clear();
  for (const Ref& r : suspects_) {
    Object& o = at(r.slot);
    if (o.generation != r.generation) continue;  // released, and maybe reused
    o.suspect = false;
    if (!o.alive || o.unreachable || o.reach_stamp == in_trial) continue;
    o.reach_stamp = in_trial;
    o.n_trial_referrers = 0;
    trial_.push_back(r.slot);
  }
  suspects_.clear();
  for (std::size_t i = 0; i < trial_.size(); ++i) {
    if (trial_.size() > kTrialLimit) {
      mark_garbage_cycles();
      return;
    }
    ++liveness_steps_;
    for (const RefCount& r : at(trial_[i]).refs) {
      Object& t = at(r.to.slot);
      if (t.generation != r.to.generation || t.unreachable) continue;
      if (t.reach_stamp != in_trial) {
        t.reach_stamp = in_trial;
        t.n_trial_referrers = 0;
        trial_.push_back(r.to.slot);
      }
      ++t.n_trial_referrers;
    }
  }
  // Supported from outside the trial: held, or referred to by an object outside it, which is
  // reachable (all garbage is inside: it is what the suspects reach).
  const std::uint64_t supported = ++epoch_;
  std::vector<ObjectSlot>& pending = unsupported_;
  for (ObjectSlot s : trial_) {
    Object& o = at(s);
    if (o.held_pos != kNotHeld || o.n_referrers > o.n_trial_referrers) {
      o.reach_stamp = supported;
      pending.push_back(s);
    }
  }
  while (!pending.empty()) {
    const ObjectSlot s = pending.back();
    pending.pop_back();
    for (const RefCount& r : at(s).refs) {
      Object& t = at(r.to.slot);
      if (t.generation == r.to.generation && t.reach_stamp == in_trial) {
        t.reach_stamp = supported;
        pending.push_back(r.to.slot);
      }
    }
  }
  for (ObjectSlot s : trial_) {
    Object& o = at(s);
    if (o.reach_stamp != in_trial) continue;
    o.unreachable = true;
    unsupported_.push_back(s);
  }
  mark_queued_unreachable();
}

void Program::mark_garbage_cycles() {
  ++epoch_;
  recompute_reachable();
  for (std::uint32_t s = 0; s < objects_.size(); ++s) {
    const Object& o = objects_[s];
    if (o.alive && !o.unreachable && o.reach_stamp != epoch_) mark_unreachable(ObjectSlot(s));
  }
  // Marking took the garbage's refs from reachable objects: no garbage is left to suspect.
  for (const Ref& r : suspects_) at(r.slot).suspect = false;
  suspects_.clear();
}

void Program::check_support(ObjectSlot slot) {
  Object& o = at(slot);
  if (o.held_pos != kNotHeld) return;
  if (o.n_referrers > 0) {
    // Without unordered refs no garbage cycle can form; the reference needs no suspects.
    if (n_unordered_refs_ > 0 && !o.suspect && bookkeeping_ == Bookkeeping::indexed) {
      o.suspect = true;
      suspects_.push_back(Ref{slot, o.generation});
      // Entries of objects released since stay until now: at most one live entry per slot.
      if (suspects_.size() > 2 * objects_.size()) {
        std::erase_if(suspects_, [&](const Ref& r) {
          return at(r.slot).generation != r.generation || !at(r.slot).suspect;
        });
      }
    }
    return;
  }
  o.unreachable = true;
  unsupported_.push_back(slot);
}

void Program::lose_referrer(const Ref& to) {
  Object& t = at(to.slot);
  if (t.generation != to.generation || t.unreachable) return;
  --t.n_referrers;
  check_support(to.slot);
}

void Program::mark_unreachable(ObjectSlot slot) {
  at(slot).unreachable = true;
  unsupported_.push_back(slot);
  mark_queued_unreachable();
}

void Program::mark_queued_unreachable() {
  while (!unsupported_.empty()) {
    Object& o = at(unsupported_.back());
    unsupported_.pop_back();
    ++liveness_steps_;
    n_unordered_refs_ -= o.n_unordered_refs;
    o.n_unordered_refs = 0;
    o.suspect = false;
    for (RefCount& r : o.refs) {
      r.unordered = false;
      lose_referrer(r.to);
    }
  }
}

void Program::order_ref(ObjectSlot from, RefCount& r) {
  Object& f = at(from);
  const Object& t = at(r.to.slot);
  if (f.order < t.order) return;
  if (from != r.to.slot) {
    // Nothing points to `from` and its refs are all in order: it may go just below `to`
    // (a new tuple of older objects).
    if (f.n_referrers == 0 && f.n_unordered_refs == 0) {
      f.order = t.order - 1;
      return;
    }
    if (raise_order(from, r.to.slot)) return;
  }
  r.unordered = true;
  ++f.n_unordered_refs;
  ++n_unordered_refs_;
}

bool Program::raise_order(ObjectSlot from, ObjectSlot to) {
  raised_.clear();
  raise_pending_.assign(1, Raise{to, at(from).order + 1});
  while (!raise_pending_.empty()) {
    const Raise next = raise_pending_.back();
    raise_pending_.pop_back();
    Object& o = at(next.slot);
    if (o.order >= next.order) continue;
    if (next.slot == from || raised_.size() == kOrderRepairLimit) {
      for (auto it = raised_.rbegin(); it != raised_.rend(); ++it) at(it->slot).order = it->order;
      return false;
    }
    raised_.push_back(Raise{next.slot, o.order});
    o.order = next.order;
    ++liveness_steps_;
    for (const RefCount& r : o.refs) {
      const Object& t = at(r.to.slot);
      if (!r.unordered && t.generation == r.to.generation && t.order <= o.order) {
        raise_pending_.push_back(Raise{r.to.slot, o.order + 1});
      }
    }
  }
  return true;
}

void Program::recompute_reachable() {
  std::vector<ObjectSlot> pending(held_.begin(), held_.end());
  for (ObjectSlot s : pending) at(s).reach_stamp = epoch_;
  while (!pending.empty()) {
    const ObjectSlot s = pending.back();
    pending.pop_back();
    ++liveness_steps_;
    for (const RefCount& r : at(s).refs) {
      Object& t = at(r.to.slot);
      if (t.alive && t.generation == r.to.generation && t.reach_stamp != epoch_) {
        t.reach_stamp = epoch_;
        pending.push_back(r.to.slot);
      }
    }
  }
  reach_epoch_ = epoch_;
}

std::uint64_t Program::reachable_objects() const {
  std::vector<bool> seen(objects_.size(), false);
  std::vector<ObjectSlot> pending(held_.begin(), held_.end());
  for (ObjectSlot s : pending) seen[s.value] = true;
  std::uint64_t n = 0;
  while (!pending.empty()) {
    const ObjectSlot s = pending.back();
    pending.pop_back();
    if (!object(s).lost) ++n;
    for (const RefCount& r : object(s).refs) {
      if (target(r.to) && !seen[r.to.slot.value]) {
        seen[r.to.slot.value] = true;
        pending.push_back(r.to.slot);
      }
    }
  }
  return n;
}

void Program::roots(std::vector<BlockIndex>& out) const {
  for (ObjectSlot s : held_) {
    if (object(s).head != kNoBlock) out.push_back(object(s).head);
  }
}

void Program::references(BlockIndex head, std::vector<BlockIndex>& out) const {
  const ObjectSlot slot = owner_of_block_[head.value];
  if (slot == kNoSlot) return;
  // Once per target, not per pointer: marking a head twice marks nothing more.
  for (const RefCount& r : object(slot).refs) {
    const Object* t = target(r.to);
    if (t && t->head != kNoBlock) out.push_back(t->head);
  }
}

void Program::swept(BlockIndex head) {
  const ObjectSlot slot = owner_of_block_[head.value];
  if (slot == kNoSlot) return;
  owner_of_block_[head.value] = kNoSlot;
  clear_planes(head);
  Object& o = at(slot);
  // Without lost objects the heap's reachability is the program's, so a swept object that no
  // event named since it became unreachable is simply dead. With them, it may still be reached
  // through a lost object only: then it is lost too.
  if (o.alive && lost_objects_ > 0 && reachable(slot)) {
    o.head = kNoBlock;
    o.lost = true;
    ++lost_objects_;
    return;
  }
  if (o.alive) die(slot);
  release(slot);
}

}  // namespace gcsim
