#include "heap/chain_lengths.h"

#include <stdexcept>

namespace gcsim {

void ChainLengths::add(std::uint32_t n_blocks) {
  ++total_;
  if (n_blocks < kShort) {
    ++short_[n_blocks];
  } else {
    ++long_[n_blocks];
  }
}

void ChainLengths::remove(std::uint32_t n_blocks) {
  if (n_blocks < kShort) {
    if (short_[n_blocks] == 0) throw std::logic_error("ChainLengths: count underflow");
    --short_[n_blocks];
  } else {
    const auto it = long_.find(n_blocks);
    if (it == long_.end()) throw std::logic_error("ChainLengths: count underflow");
    if (--it->second == 0) long_.erase(it);
  }
  --total_;
}

std::uint32_t ChainLengths::of_length(std::uint32_t n_blocks) const {
  if (n_blocks < kShort) return short_[n_blocks];
  const auto it = long_.find(n_blocks);
  return it == long_.end() ? 0 : it->second;
}

std::uint32_t ChainLengths::longest() const {
  if (!long_.empty()) return long_.rbegin()->first;
  for (std::uint32_t n = kShort - 1; n > 0; --n) {
    if (short_[n] != 0) return n;
  }
  return 0;
}

}  // namespace gcsim
