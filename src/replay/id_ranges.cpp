#include "replay/id_ranges.h"

#include <algorithm>
#include <iterator>

namespace gcsim {

bool IdRanges::contains(std::uint64_t id) const {
  auto it = ranges_.upper_bound(id);
  if (it == ranges_.begin()) return false;
  --it;
  return id <= it->second;
}

void IdRanges::insert(std::uint64_t first, std::uint64_t last) {
  // Swallow every interval that overlaps [first, last] or touches it (ids are below 2^53, so
  // last + 1 never wraps).
  auto it = ranges_.upper_bound(first);
  if (it != ranges_.begin() && std::prev(it)->second + 1 >= first) --it;
  while (it != ranges_.end() && it->first <= last + 1) {
    first = std::min(first, it->first);
    last = std::max(last, it->second);
    it = ranges_.erase(it);
  }
  ranges_.emplace(first, last);
}

void IdRanges::erase(std::uint64_t id) {
  auto it = ranges_.upper_bound(id);
  if (it == ranges_.begin() || std::prev(it)->second < id) return;
  --it;
  const std::uint64_t first = it->first, last = it->second;
  ranges_.erase(it);
  if (first < id) ranges_.emplace(first, id - 1);
  if (id < last) ranges_.emplace(id + 1, last);
}

}  // namespace gcsim
