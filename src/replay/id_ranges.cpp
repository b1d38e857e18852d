#include "replay/id_ranges.h"

#include <iterator>

namespace gcsim {

bool IdRanges::contains(std::uint64_t id) const {
  auto it = ranges_.upper_bound(id);
  if (it == ranges_.begin()) return false;
  --it;
  return id <= it->second;
}

void IdRanges::insert(std::uint64_t id) {
  if (contains(id)) return;
  auto next = ranges_.upper_bound(id);
  const bool joins_prev = next != ranges_.begin() && std::prev(next)->second + 1 == id;
  const bool joins_next = next != ranges_.end() && id + 1 == next->first;
  if (joins_prev && joins_next) {
    std::prev(next)->second = next->second;
    ranges_.erase(next);
  } else if (joins_prev) {
    std::prev(next)->second = id;
  } else if (joins_next) {
    const std::uint64_t last = next->second;
    ranges_.erase(next);
    ranges_.emplace(id, last);
  } else {
    ranges_.emplace(id, id);
  }
}

}  // namespace gcsim
