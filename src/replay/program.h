// Program: the program side of a trace — which ids are alive, which are held (the root set),
// which objects point at which — kept apart from the collector (docs/style.md §2: the caller
// supplies the roots). It is the collector's Mutator: it hands over the held heads and, per head,
// the heads that object points to, and learns from the sweep which objects were reclaimed.
//
// Liveness follows docs/trace-format.md: an object is alive while it is held or referenced by
// a live object. It is a property of the trace, not of the heap: an object whose allocation
// failed still exists here (without memory, "lost"), so what it holds stays alive exactly as
// in the recorded run, and a trace valid on one heap is valid on every heap. Events on a lost
// object change nothing in the heap; the replay counts them as skipped. An object can also be
// lost later: when a sweep frees the blocks of an object the program still reaches, through a
// lost object only, the collector was right (no heap pointer reached it) and the object has no
// memory from then on.
//
// Whether a non-held object is still reachable is decided without re-walking the graph. Each
// object counts its referrers: the objects that point to it and still count (alive, not known
// to be unreachable). An object neither held nor referred to is marked unreachable at once, and
// its own references stop counting, which may mark its targets in turn: each object and each
// reference is handled once, however the graph is shaped. Counts miss garbage cycles, so the
// references are also kept in a topological order (`order`: a counted reference goes from a
// lower order to a higher one) where that is cheap; a reference the order cannot take (it closes
// a cycle, or repairing the order would move more than kOrderRepairLimit objects) is unordered.
// A garbage cycle needs an unordered reference and an object that lost a referrer or its hold
// but kept others (a suspect): any garbage it made is what the suspect reaches. So naming a
// non-held object, while there are unordered refs and suspects, first settles the suspects by
// trial deletion: within what they reach, an object with more referrers (or a hold) than refs
// from inside is supported from outside, and so is what it reaches; the rest is garbage. Past
// kTrialLimit objects it walks the reachable set from the held objects instead, once.
// Bookkeeping::reference walks that set after anything that can shrink it (drop, unref, free),
// as the tests' reference.
//
// An object's slot is reused after it dies; references carry the slot's generation, so a
// pointer left to a freed object never reaches the slot's next tenant.
//
// References are counted per target: an object's `refs` holds one entry per object it points
// to, with how many pointers. Finding the entry is a scan while an object points to a few
// objects; past kIndexedTargets an index by target takes over, so ref and unref stay O(1)
// expected whatever the order (a list of 10^6 items emptied front first).
//
// For the collector's word-at-a-time marking it also keeps two bit planes over the head
// blocks: the held objects' heads (the roots) and the heads of objects that store pointers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "collector/collector.h"
#include "collector/mutator.h"
#include "heap/block_index.h"
#include "replay/id_ranges.h"
#include "replay/id_table.h"
#include "replay/indices.h"
#include "replay/stable_vector.h"

namespace gcsim {

class Program final : public Mutator {
 public:
  // An object's position in the held list when it is not held.
  static constexpr std::uint32_t kNotHeld = 0xffffffffu;

  struct Ref {
    ObjectSlot slot;
    std::uint32_t generation;
    bool operator==(const Ref&) const = default;
  };
  struct RefCount {
    Ref to;
    std::uint32_t n_pointers;  // ≥ 1
    bool unordered = false;    // counted in n_unordered_refs_: the order does not hold for it
  };
  // The 8-byte fields, then the 4-byte ones, then the bytes: no padding inside (96 bytes on
  // x86-64, where the order of first use left 8 bytes of holes).
  struct Object {
    std::uint64_t id = 0;
    std::uint64_t size_bytes = 0;
    EventIndex born_event;
    std::uint64_t reach_stamp = 0;
    std::int64_t order = 0;      // in the topological order of the counted refs
    BlockIndex head = kNoBlock;  // kNoBlock: size 0, reallocated to 0, or lost
    std::uint32_t generation = 0;
    std::uint32_t held_pos = kNotHeld;    // position in the held list
    std::uint32_t n_referrers = 0;        // objects whose counted refs point here
    std::uint32_t n_unordered_refs = 0;   // of its own refs
    std::uint32_t n_trial_referrers = 0;  // during trial deletion: referrers inside the trial
    bool alive = false;
    bool lost = false;  // its allocation failed, or a sweep took its blocks
    bool fin = false;
    char type_letter = 'h';      // the heap map's letter for this object's head
    bool unreachable = false;    // known unreachable (or freed): its refs count no more
    bool suspect = false;        // in suspects_
    std::vector<RefCount> refs;  // one entry per target, in no particular order
  };

  // Objects pointing to more targets than this get an index by target.
  static constexpr std::size_t kIndexedTargets = 16;
  // A new reference that breaks the order may move this many objects up to keep it.
  static constexpr std::size_t kOrderRepairLimit = 64;
  // Trial deletion looks at this many objects at most before walking from the held set.
  static constexpr std::size_t kTrialLimit = 4096;

  explicit Program(std::uint32_t pool_blocks, Bookkeeping bookkeeping = Bookkeeping::indexed);

  // The slot of `id` for an event that names it in `role` ("id", "from", "to"). Throws
  // RuleViolation if the id was never allocated, or is dead (freed, or no longer reachable
  // from the held set).
  ObjectSlot live(std::uint64_t id, std::string_view role);
  // Throws RuleViolation if `id` was used before (alive, dead or lost).
  void check_new(std::uint64_t id) const;

  // A new held object, made at event `event`; head kNoBlock for one without memory. `lost`:
  // its allocation failed.
  ObjectSlot add(std::uint64_t id, std::uint64_t size_bytes, bool fin, char type_letter,
                 BlockIndex head, EventIndex event, bool lost = false);
  // The object's allocation moved, grew, shrank or went away (head kNoBlock).
  void place(ObjectSlot slot, BlockIndex head, std::uint64_t size_bytes);
  // gc_free: the object is dead now; pointers to it are left dangling and ignored.
  void kill(ObjectSlot slot);
  void hold(ObjectSlot slot);
  void drop(ObjectSlot slot);
  // Throws RuleViolation (out-of-range) past 2^32 − 1 pointers from `from` to `to`.
  void add_ref(ObjectSlot from, ObjectSlot to);
  // Throws RuleViolation (unref-without-ref) if `from` stores no pointer to `to`.
  void remove_ref(ObjectSlot from, ObjectSlot to);
  void clear_refs(ObjectSlot slot);

  const Object& object(ObjectSlot slot) const { return objects_[slot.value]; }
  // The live object whose allocation starts at `head`, if any.
  const Object* owner(BlockIndex head) const;
  // Objects with memory (or none to have) still reachable from the held set: a full traversal,
  // for the end of a replay.
  std::uint64_t reachable_objects() const;
  // What the program keeps per id (replay_limits.h): objects in a slot (alive, lost, or
  // garbage not swept yet) and runs of never-used ids below the highest one.
  std::uint64_t objects_remembered() const {
    return (objects_.size() - free_slots_.size()) + unused_ids_.interval_count();
  }
  // Objects visited so far to keep liveness (marked unreachable, moved in the order, walked by
  // a traversal): what the tests bound to show that no shape of graph makes it quadratic.
  std::uint64_t liveness_steps() const { return liveness_steps_; }

  // Mutator
  void roots(std::vector<BlockIndex>& out) const override;
  void references(BlockIndex head, std::vector<BlockIndex>& out) const override;
  void swept(BlockIndex head) override;
  const BitPlane* root_plane() const override { return &root_plane_; }
  const BitPlane* pointer_plane() const override { return &pointer_plane_; }

 private:
  Object& at(ObjectSlot slot) { return objects_[slot.value]; }
  bool reachable(ObjectSlot slot);
  void recompute_reachable();
  // Marks the garbage the suspects made (trial deletion, or a traversal past kTrialLimit).
  void settle_suspects();
  // A traversal that marks every object it does not reach: the garbage counts cannot see.
  void mark_garbage_cycles();
  // The object stops counting as a referrer, and so may its targets, transitively.
  void mark_unreachable(ObjectSlot slot);
  // A counted ref to `to` is gone: queues `to` for mark_unreachable if nothing supports it.
  void lose_referrer(const Ref& to);
  // Checks `slot`'s support after it lost its hold or a referrer.
  void check_support(ObjectSlot slot);
  void mark_queued_unreachable();
  // Places the new ref `r` of `from` in the order, or counts it unordered.
  void order_ref(ObjectSlot from, RefCount& r);
  // Moves `to` and what it points to above `from`; false (nothing moved) if that reaches
  // `from` (a cycle) or more than kOrderRepairLimit objects.
  bool raise_order(ObjectSlot from, ObjectSlot to);
  void die(ObjectSlot slot);
  void release(ObjectSlot slot);
  const Object* target(const Ref& r) const;
  // The position of `to` in `from`'s refs, or refs.size() if it has none.
  std::size_t find_ref(ObjectSlot from, const Ref& to) const;
  void drop_ref_index(ObjectSlot slot);
  // Brings both planes' bits at the object's head in line with it (held, storing pointers).
  void update_planes(const Object& o);
  void clear_planes(BlockIndex head);

  StableVector<Object> objects_;
  std::vector<ObjectSlot> free_slots_;
  // Ids: alive (and unswept garbage) in slot_of_id_. Used so far: none without any_id_, else
  // those in [lowest_id_, next_new_id_) except unused_ids_; a used id not alive is dead.
  bool used_before(std::uint64_t id) const {
    return any_id_ && id >= lowest_id_ && id < next_new_id_ && !unused_ids_.contains(id);
  }
  IdTable slot_of_id_;
  bool any_id_ = false;
  std::uint64_t lowest_id_ = 0, next_new_id_ = 0;
  IdRanges unused_ids_;
  std::vector<ObjectSlot> owner_of_block_;  // head block → slot, kNoSlot elsewhere
  std::vector<ObjectSlot> held_;            // slots held by the program
  BitPlane root_plane_;                     // heads of held objects
  BitPlane pointer_plane_;                  // heads of objects with refs
  std::uint64_t lost_objects_ = 0;          // alive and lost, now
  // slot value → (target → position in its refs), for objects with more than kIndexedTargets
  // targets
  std::unordered_map<std::uint32_t, std::unordered_map<std::uint64_t, std::uint32_t>> ref_index_;
  Bookkeeping bookkeeping_;
  std::uint64_t epoch_ = 1;        // bumped by anything that can make an object unreachable
  std::uint64_t reach_epoch_ = 0;  // the epoch whose reachable set the stamps hold
  std::int64_t next_order_ = 0;
  std::uint64_t n_unordered_refs_ = 0;  // counted refs the order does not hold for
  // Objects that lost a referrer or their hold and kept others, while refs were unordered.
  std::vector<Ref> suspects_;
  std::vector<ObjectSlot> trial_;        // settle_suspects' scratch
  std::vector<ObjectSlot> unsupported_;  // queued for mark_unreachable
  struct Raise {
    ObjectSlot slot;
    std::int64_t order;  // before (raised_) or at least (raise_pending_)
  };
  std::vector<Raise> raised_, raise_pending_;  // raise_order's scratch
  std::uint64_t liveness_steps_ = 0;
};

}  // namespace gcsim
