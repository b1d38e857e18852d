#include "real_gc_replay.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "real_gc_port.h"

namespace gcsim::real_gc {
namespace {

constexpr std::size_t kHeapAlignment = 4096;  // a multiple of the 32-byte block

void append_number(std::string& out, std::uint64_t value) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

RealGcReplay::RealGcReplay(std::size_t heap_bytes, std::size_t max_objects)
    : heap_(
          static_cast<std::byte*>(std::aligned_alloc(
              kHeapAlignment, (heap_bytes + kHeapAlignment - 1) / kHeapAlignment * kHeapAlignment)),
          std::free),
      roots_(max_objects),
      root_owners_(max_objects) {
  if (!heap_) throw std::runtime_error("cannot allocate the heap");
  objects_.reserve(max_objects);
  ids_.reserve(max_objects);
  real_gc_init(heap_.get(), heap_.get() + heap_bytes);
  real_gc_set_roots(roots_.data(), &root_count_);
}

RealGcReplay::~RealGcReplay() { real_gc_set_roots(nullptr, nullptr); }

void RealGcReplay::apply(const Event& e, std::string* csv) {
  switch (e.op) {
    case Op::alloc:
      alloc(e);
      break;
    case Op::collect:
      real_gc_collect();
      break;
    case Op::enable:
    case Op::disable:
      real_gc_set_auto_collect(e.op == Op::enable);
      break;
    case Op::threshold:
      real_gc_set_threshold(e.amount);
      break;
    case Op::mark:
    case Op::observe:
      break;
    default: {
      const std::uint32_t index = index_of(e.id);
      const bool pair = e.op == Op::ref || e.op == Op::unref;
      const std::uint32_t to_index = pair ? index_of(e.to) : index;
      if (objects_[index].state == State::failed || objects_[to_index].state == State::failed) {
        ++counts_.skipped_events;
        break;
      }
      if (e.op == Op::realloc) realloc(index, e.size);
      if (e.op == Op::free) free(index);
      if (e.op == Op::drop) drop(index);
      if (e.op == Op::hold) hold(index);
      if (e.op == Op::ref) ref(index, to_index);
      if (e.op == Op::unref) unref(index, to_index);
    }
  }
  const real_gc_info info = real_gc_read_info();
  if (csv != nullptr) {
    append_number(*csv, counts_.events);
    for (const std::uint64_t value : {std::uint64_t{info.mem_alloc}, std::uint64_t{info.mem_free},
                                      std::uint64_t{info.max_free_bytes}, real_gc_collections()}) {
      csv->push_back(',');
      append_number(*csv, value);
    }
    csv->push_back('\n');
  }
  ++counts_.events;
}

void RealGcReplay::alloc(const Event& e) {
  const auto index = static_cast<std::uint32_t>(objects_.size());
  ids_.emplace(e.id, index);
  Object& o = objects_.emplace_back();
  o.n_bytes = e.size;
  o.fin = e.fin;
  o.words = static_cast<void**>(real_gc_alloc(e.size, e.fin));
  if (o.words == nullptr && e.size > 0) {
    // A MemoryError: the id is failed, and events naming it are skipped.
    o.state = State::failed;
    ++counts_.memory_errors;
    return;
  }
  // The program initialises what it asked for (gc_alloc zeroed the blocks; the type word of a
  // finaliser object stays NULL, so the sweep never looks for __del__).
  if (o.words != nullptr) std::memset(o.words, 0, e.size);
  hold(index);
}

void RealGcReplay::realloc(std::uint32_t index, std::uint64_t n_bytes) {
  Object& o = objects_[index];
  if (o.words != nullptr && n_bytes < o.n_bytes) {
    keep_refs_below(o, n_bytes);
    std::memset(reinterpret_cast<std::byte*>(o.words) + n_bytes, 0, o.n_bytes - n_bytes);
  }
  void** const old_words = o.words;
  // gc_realloc(NULL, n) is gc_alloc(n, 0): an object without memory gets a block without
  // finaliser; gc_realloc(p, 0) frees p and returns NULL.
  void** const words = static_cast<void**>(real_gc_realloc(old_words, n_bytes));
  if (words == nullptr && n_bytes > 0) {
    ++counts_.memory_errors;  // the object keeps its old block and stays alive
    return;
  }
  if (old_words == nullptr) o.fin = false;
  if (words != nullptr && n_bytes > o.n_bytes) {
    std::memset(reinterpret_cast<std::byte*>(words) + o.n_bytes, 0, n_bytes - o.n_bytes);
  }
  o.n_bytes = n_bytes;
  o.words = words;
  if (words != old_words) follow_move(o, old_words);
}

void RealGcReplay::free(std::uint32_t index) {
  Object& o = objects_[index];
  real_gc_free(o.words);
  drop(index);
  o.words = nullptr;
  o.state = State::dead;
}

void RealGcReplay::ref(std::uint32_t from_index, std::uint32_t to_index) {
  const Object& from = objects_[from_index];
  Object& to = objects_[to_index];
  to.referrers.push_back(from_index);
  if (to.words == nullptr) return;  // nothing to store yet: follow_move stores it later
  void** const end = from.words + n_words(from);
  void** const slot = std::find(from.words + first_ref_word(from), end, nullptr);
  if (slot == end) {
    ++counts_.refs_unstored;
    return;
  }
  *slot = to.words;
}

void RealGcReplay::unref(std::uint32_t from_index, std::uint32_t to_index) {
  const Object& from = objects_[from_index];
  Object& to = objects_[to_index];
  *std::find(to.referrers.begin(), to.referrers.end(), from_index) = to.referrers.back();
  to.referrers.pop_back();
  if (to.words == nullptr) return;
  void** const end = from.words + n_words(from);
  void** const slot = std::find(from.words + first_ref_word(from), end, to.words);
  if (slot != end) *slot = nullptr;
}

void RealGcReplay::hold(std::uint32_t index) {
  Object& o = objects_[index];
  if (o.root_slot != kNotHeld) return;
  o.root_slot = static_cast<std::uint32_t>(root_count_);
  roots_[root_count_] = o.words;
  root_owners_[root_count_] = index;
  ++root_count_;
}

void RealGcReplay::drop(std::uint32_t index) {
  Object& o = objects_[index];
  if (o.root_slot == kNotHeld) return;
  // Swap-remove: the last root takes the dropped one's slot.
  const std::uint32_t slot = o.root_slot;
  --root_count_;
  roots_[slot] = roots_[root_count_];
  root_owners_[slot] = root_owners_[root_count_];
  objects_[root_owners_[slot]].root_slot = slot;
  o.root_slot = kNotHeld;
}

void RealGcReplay::follow_move(Object& o, void** old_words) {
  if (o.root_slot != kNotHeld) roots_[o.root_slot] = o.words;
  for (const std::uint32_t r : o.referrers) {
    const Object& from = objects_[r];
    if (from.state != State::live || from.words == nullptr) continue;
    void** const begin = from.words + first_ref_word(from);
    void** const end = from.words + n_words(from);
    if (old_words != nullptr) {
      std::replace(begin, end, static_cast<void*>(old_words), static_cast<void*>(o.words));
      continue;
    }
    // The object had no memory when these refs were made: one pointer per ref is stored now.
    void** const slot = std::find(begin, end, nullptr);
    if (slot == end) {
      ++counts_.refs_unstored;
    } else {
      *slot = o.words;
    }
  }
}

void RealGcReplay::keep_refs_below(Object& o, std::uint64_t n_bytes) {
  void** const begin = o.words + first_ref_word(o);
  void** const new_end = o.words + std::max(n_bytes / sizeof(void*), first_ref_word(o));
  void** free_word = begin;
  for (void** word = new_end; word < o.words + n_words(o); ++word) {
    if (*word == nullptr) continue;
    free_word = std::find(free_word, new_end, nullptr);
    if (free_word == new_end) {
      ++counts_.refs_dropped;
    } else {
      *free_word = *word;
    }
    *word = nullptr;
  }
}

}  // namespace gcsim::real_gc
