// IdTable: trace id → object slot for the ids alive now, looked up on nearly every event.
// Open addressing with linear probing over a power-of-two array kept at most 3/4 full (home()
// spreads ids well enough that probes stay short there, and a fuller array is fewer new pages
// to touch as it grows); erasing shifts later entries back instead of leaving tombstones, so a
// long replay that creates and kills millions of ids never slows down. A large array shrinks
// when an eighth of it is used; one of up to kKeptCapacity entries (1 MiB) never does, as a
// program whose live count swings between tens and hundreds (a recording, object by object)
// would rehash it on every swing. (std::unordered_map allocates a node per insert, which
// showed in the replay's profile.)
#pragma once

#include <cstdint>
#include <vector>

#include "replay/indices.h"

namespace gcsim {

class IdTable {
 public:
  IdTable() { rehash(kMinCapacity); }

  // The slot of `id`, or kNoSlot.
  ObjectSlot find(std::uint64_t id) const {
    for (std::size_t i = home(id);; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.id == id) return e.slot;
      if (e.id == kEmpty) return kNoSlot;
    }
  }
  bool contains(std::uint64_t id) const { return find(id) != kNoSlot; }
  // `id` must not be in the table.
  void insert(std::uint64_t id, ObjectSlot slot);
  void erase(std::uint64_t id);
  std::size_t size() const { return size_; }
  // How many entries past its home `id` sits (it must be in the table): the tests bound it for
  // patterns of ids that could cluster.
  std::size_t probe_length(std::uint64_t id) const {
    std::size_t n = 0;
    for (std::size_t i = home(id); entries_[i].id != id; i = (i + 1) & mask_) ++n;
    return n;
  }

 private:
  struct Entry {
    std::uint64_t id;
    ObjectSlot slot;
  };
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // trace ids are below 2^53
  static constexpr std::size_t kMinCapacity = 64;
  static constexpr std::size_t kKeptCapacity = std::size_t{1} << 16;

  // Fibonacci hashing of id / 4 (the top bits of × 2^64/φ) picks a group of four entries, the
  // id's low two bits its place in the group: trace ids mostly count up, so consecutive ids
  // share a cache line where each had a line of its own (most of a recording's misses).
  std::size_t home(std::uint64_t id) const {
    const auto group = static_cast<std::size_t>(((id >> 2) * 0x9E3779B97F4A7C15ull) >> shift_);
    return (group << 2) | (id & 3);
  }
  void rehash(std::size_t capacity);

  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace gcsim
