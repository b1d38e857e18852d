// BitPlane: one bit per block, 64 blocks a word (block b is bit b % 64 of word b / 64) — a set
// of blocks read and written a bit or a word at a time: the block table's HEAD and MARK
// states, the program's root heads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gcsim {

class BitPlane {
 public:
  explicit BitPlane(std::uint32_t n_blocks = 0) : words_((n_blocks + 63) / 64, 0) {}

  bool test(std::uint32_t b) const { return (words_[b >> 6] >> (b & 63u)) & 1u; }
  void set(std::uint32_t b) { words_[b >> 6] |= bit(b); }
  void clear(std::uint32_t b) { words_[b >> 6] &= ~bit(b); }

  std::size_t word_count() const { return words_.size(); }
  std::uint64_t word(std::size_t w) const { return words_[w]; }
  std::uint64_t& word(std::size_t w) { return words_[w]; }

 private:
  static std::uint64_t bit(std::uint32_t b) { return std::uint64_t{1} << (b & 63u); }

  std::vector<std::uint64_t> words_;
};

}  // namespace gcsim
