// A trace replayed through MicroPython's own py/gc.c (real_gc_port.h), as the oracle's harness
// drives it (tests/oracle/data/README.md, "How the results were produced"): the program's side
// lives in real heap words, so the real mark phase finds it.
//
//   held objects    a plain array of pointers outside the heap, handed to every collection;
//                   an id's slot is remembered, so a drop is a swap-remove
//   ref from → to   the pointer to `to` stored in the first zero word of `from` (word 0 of a
//                   finaliser object is its type pointer, so refs start at word 1)
//   realloc moves   the root slot and every referrer's words rewritten to the new address
//
// After each event it reads gc_info(), the only way the real collector has to tell mem_alloc,
// mem_free and the largest free run, and appends the row to a CSV buffer if it is given one.
// It checks nothing about the trace: the trace is taken to be valid (gcsim checks that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace/event.h"

namespace gcsim::real_gc {

struct ReplayCounts {
  std::uint64_t events = 0;
  std::uint64_t memory_errors = 0;   // failed allocs and reallocs
  std::uint64_t skipped_events = 0;  // events naming an id whose allocation failed
  std::uint64_t refs_unstored = 0;   // refs with no zero word left in `from` (see ref())
  std::uint64_t refs_dropped = 0;    // refs a shrink had no word for below the new size
};

class RealGcReplay {
 public:
  // gc_init over a fresh `heap_bytes` region; the collector is global, so one replay at a time.
  RealGcReplay(std::size_t heap_bytes, std::size_t max_objects);
  ~RealGcReplay();
  RealGcReplay(const RealGcReplay&) = delete;
  RealGcReplay& operator=(const RealGcReplay&) = delete;

  // Applies one event, then gc_info(); with `csv`, appends
  // "event,mem_alloc,mem_free,max_free,collections\n" to it.
  void apply(const Event& e, std::string* csv);

  const ReplayCounts& counts() const { return counts_; }

 private:
  enum class State : std::uint8_t { live, failed, dead };
  static constexpr std::uint32_t kNotHeld = UINT32_MAX;

  struct Object {
    void** words = nullptr;  // the object's memory; nullptr while it has none (size 0)
    std::uint64_t n_bytes = 0;
    bool fin = false;
    State state = State::live;
    std::uint32_t root_slot = kNotHeld;
    std::vector<std::uint32_t> referrers;  // one entry per pointer stored to this object
  };

  // Each takes the index of the object the event names (ref, unref: of `from`, then `to`).
  void alloc(const Event& e);
  void realloc(std::uint32_t index, std::uint64_t n_bytes);
  void free(std::uint32_t index);
  void ref(std::uint32_t from_index, std::uint32_t to_index);
  void unref(std::uint32_t from_index, std::uint32_t to_index);
  void hold(std::uint32_t index);
  void drop(std::uint32_t index);
  // The object's memory moved from `old_words` (either may be nullptr: it had none, or has none
  // now): its root slot and the pointers its referrers store follow it.
  void follow_move(Object& o, void** old_words);
  // Before a shrink to `n_bytes`: pointers stored at or after the new end move down into free
  // words below it, so the program's data stays within its requested size.
  void keep_refs_below(Object& o, std::uint64_t n_bytes);

  std::uint32_t index_of(std::uint64_t id) const { return ids_.find(id)->second; }
  static std::size_t n_words(const Object& o) { return o.n_bytes / sizeof(void*); }
  static std::size_t first_ref_word(const Object& o) { return o.fin ? 1 : 0; }

  std::unique_ptr<std::byte, void (*)(void*)> heap_;
  // Sized up front: the collector holds on to the array's address.
  std::vector<void*> roots_;
  std::vector<std::uint32_t> root_owners_;  // the object whose pointer is in each root slot
  std::size_t root_count_ = 0;
  std::vector<Object> objects_;
  std::unordered_map<std::uint64_t, std::uint32_t> ids_;
  ReplayCounts counts_;
};

}  // namespace gcsim::real_gc
