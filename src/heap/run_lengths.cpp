#include "heap/run_lengths.h"

#include <bit>
#include <stdexcept>

namespace gcsim {

RunLengths::RunLengths(std::uint32_t max_length)
    : of_length_(max_length + 1, 0), present_(max_length + 1) {}

void RunLengths::add(std::uint32_t n_blocks) {
  if (of_length_[n_blocks]++ == 0) present_.set(n_blocks);
  if (n_blocks > largest_) largest_ = n_blocks;
  ++count_;
}

void RunLengths::remove(std::uint32_t n_blocks) {
  if (n_blocks >= of_length_.size() || of_length_[n_blocks] == 0) {
    throw std::logic_error("RunLengths: no free run of that length");
  }
  --count_;
  if (--of_length_[n_blocks] != 0) return;
  present_.clear(n_blocks);
  if (n_blocks != largest_) return;
  // The largest length is gone: the next one down is the highest bit still set.
  for (std::size_t w = n_blocks / 64 + 1; w-- > 0;) {
    if (const std::uint64_t x = present_.word(w); x != 0) {
      largest_ = static_cast<std::uint32_t>(w * 64 + 63 - std::countl_zero(x));
      return;
    }
  }
  largest_ = 0;
}

}  // namespace gcsim
