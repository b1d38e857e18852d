// BitPlane: one bit per block, 64 blocks a word — a set of blocks that the collector can
// combine with the allocation table a word at a time (e.g. the program's root heads).
#pragma once

#include <cstdint>
#include <vector>

namespace gcsim {

class BitPlane {
 public:
  explicit BitPlane(std::uint32_t n_blocks = 0) : words_((n_blocks + 63) / 64, 0) {}

  bool test(std::uint32_t b) const { return (words_[b >> 6] >> (b & 63u)) & 1u; }
  void set(std::uint32_t b) { words_[b >> 6] |= bit(b); }
  void clear(std::uint32_t b) { words_[b >> 6] &= ~bit(b); }

  const std::vector<std::uint64_t>& words() const { return words_; }

 private:
  static std::uint64_t bit(std::uint32_t b) { return std::uint64_t{1} << (b & 63u); }

  std::vector<std::uint64_t> words_;
};

}  // namespace gcsim
