#include "report/byte_axis.h"

#include <algorithm>

namespace gcsim {

ByteAxis::ByteAxis(std::size_t max_regular_points)
    : max_regular_(std::max<std::size_t>(max_regular_points, 2)) {}

void ByteAxis::add(std::uint64_t event, std::uint64_t bytes_before, std::uint64_t bytes_after,
                   bool notable) {
  if (notable && event > 0) points_.push_back({event - 1, bytes_before, true});
  const bool keep_regular = regular(event);
  if (notable || keep_regular) points_.push_back({event, bytes_after, notable});
  if (keep_regular && !notable && ++regular_points_ > max_regular_) thin();
  last_event_ = event;
  total_ = bytes_after;
}

// Double the interval: drop the regular points that are no longer on it.
void ByteAxis::thin() {
  every_ *= 2;
  std::erase_if(points_, [&](const Point& p) { return !p.notable && !regular(p.event); });
  regular_points_ = static_cast<std::size_t>(
      std::count_if(points_.begin(), points_.end(), [&](const Point& p) { return !p.notable; }));
}

std::uint64_t ByteAxis::after(std::uint64_t event) const {
  if (event >= last_event_) return total_;
  const auto it = std::upper_bound(points_.begin(), points_.end(), event,
                                   [](std::uint64_t e, const Point& p) { return e < p.event; });
  return it == points_.begin() ? 0 : std::prev(it)->bytes;
}

}  // namespace gcsim
