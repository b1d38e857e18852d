#include "collector/trigger.h"

namespace gcsim {

std::int64_t effective_threshold_bytes(std::int64_t requested_bytes, std::uint32_t block_bytes) {
  return requested_bytes < 0 ? -1 : requested_bytes / block_bytes * block_bytes;
}

void Trigger::set_threshold(std::int64_t amount_bytes) {
  threshold_blocks_ =
      amount_bytes < 0 ? kDisabled : static_cast<std::uint64_t>(amount_bytes) / block_bytes_;
}

std::int64_t Trigger::threshold_bytes() const {
  if (threshold_blocks_ == kDisabled) return -1;
  return static_cast<std::int64_t>(threshold_blocks_ * block_bytes_);
}

}  // namespace gcsim
