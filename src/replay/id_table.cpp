#include "replay/id_table.h"

#include <bit>

namespace gcsim {

void IdTable::rehash(std::size_t capacity) {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(capacity, Entry{kEmpty, kNoSlot});
  mask_ = capacity - 1;
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity)) + 2;  // a group per 4 entries
  size_ = 0;
  for (const Entry& e : old) {
    if (e.id != kEmpty) insert(e.id, e.slot);
  }
}

void IdTable::insert(std::uint64_t id, ObjectSlot slot) {
  if (4 * (size_ + 1) > 3 * entries_.size()) rehash(2 * entries_.size());
  std::size_t i = home(id);
  while (entries_[i].id != kEmpty) i = (i + 1) & mask_;
  entries_[i].id = id;  // two stores: a braced Entry made GCC 12 spill the slot to the stack
  entries_[i].slot = slot;
  ++size_;
}

void IdTable::erase(std::uint64_t id) {
  std::size_t i = home(id);
  while (entries_[i].id != id) {
    if (entries_[i].id == kEmpty) return;
    i = (i + 1) & mask_;
  }
  // Backward-shift deletion: move up any later entry whose home is not between the hole and it.
  for (std::size_t j = (i + 1) & mask_; entries_[j].id != kEmpty; j = (j + 1) & mask_) {
    const std::size_t h = home(entries_[j].id);
    const bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
    if (!stays) {
      entries_[i] = entries_[j];
      i = j;
    }
  }
  entries_[i].id = kEmpty;
  --size_;
  if (entries_.size() > kKeptCapacity && 8 * size_ < entries_.size()) rehash(entries_.size() / 2);
}

}  // namespace gcsim
