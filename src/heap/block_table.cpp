#include "heap/block_table.h"

#include <algorithm>

namespace gcsim {

BlockTable::BlockTable(std::uint32_t n_blocks)
    : n_blocks_(n_blocks), runs_(n_blocks), head_(n_blocks), mark_(n_blocks) {}

std::uint32_t BlockTable::next_boundary(std::uint32_t from) const {
  if (from >= n_blocks_) return n_blocks_;
  const std::vector<std::uint64_t>& free = runs_.words();
  std::size_t w = from >> 6;
  std::uint64_t x = (free[w] | head_.word(w)) & (~std::uint64_t{0} << (from & 63u));
  while (x == 0) {
    if (++w == head_.word_count()) return n_blocks_;  // bits past the pool are clear
    x = free[w] | head_.word(w);
  }
  const auto b = static_cast<std::uint32_t>(w * 64 + std::countr_zero(x));
  return b < n_blocks_ ? b : n_blocks_;
}

void BlockTable::allocate(BlockIndex head, std::uint32_t n_blocks) {
  runs_.set_used(head, n_blocks);
  head_.set(head.value);
  chains_.add(n_blocks);
  grow_used_words(head.value + n_blocks);
}

std::uint32_t BlockTable::release(BlockIndex head) {
  const std::uint32_t n_blocks = chain_length(head);
  head_.clear(head.value);
  mark_.clear(head.value);
  runs_.set_free(head, n_blocks);
  chains_.remove(n_blocks);
  return n_blocks;
}

void BlockTable::resize(BlockIndex head, std::uint32_t old_blocks, std::uint32_t new_blocks) {
  // TAILs are the blocks that are neither FREE nor HEAD: only the free plane changes.
  if (new_blocks < old_blocks) {
    runs_.set_free(BlockIndex(head.value + new_blocks), old_blocks - new_blocks);
  } else {
    runs_.set_used(BlockIndex(head.value + old_blocks), new_blocks - old_blocks);
    grow_used_words(head.value + new_blocks);
  }
  chains_.remove(old_blocks);
  chains_.add(new_blocks);
}

void BlockTable::shrink_used_words() {
  const std::vector<std::uint64_t>& free = runs_.words();
  const std::uint64_t last_word_valid =
      n_blocks_ % 64 == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << (n_blocks_ % 64)) - 1;
  while (used_words_ > 0) {
    const std::uint32_t w = used_words_ - 1;
    const std::uint64_t valid = (w + 1) * 64 > n_blocks_ ? last_word_valid : ~std::uint64_t{0};
    if ((~free[w] & valid) != 0) break;
    --used_words_;
  }
}

bool BlockTable::mark(BlockIndex head) {
  if (head.value >= n_blocks_ || kind_of(head.value) != BlockKind::head) return false;
  mark_.set(head.value);
  return true;
}

void BlockTable::mark_plane(const BitPlane& heads) {
  const std::size_t n = std::min<std::size_t>(used_words_, heads.word_count());
  for (std::size_t w = 0; w < n; ++w) mark_.word(w) |= heads.word(w) & head_.word(w);
}

std::string BlockTable::check(bool marks_allowed) const {
  std::uint32_t free = 0, longest_run = 0, run = 0, runs = 0;
  ChainLengths chains;
  for (std::uint32_t b = 0; b < n_blocks_; ++b) {
    const BlockKind k = kind_of(b);
    if (k == BlockKind::free) {
      ++free;
      if (run++ == 0) ++runs;
      if (run > longest_run) longest_run = run;
      continue;
    }
    run = 0;
    if (k == BlockKind::tail) {
      if (b == 0 || kind_of(b - 1) == BlockKind::free) {
        return "TAIL at block " + std::to_string(b) + " follows no allocation";
      }
      continue;
    }
    if (k == BlockKind::mark && !marks_allowed) {
      return "MARK left at block " + std::to_string(b) + " outside a collection";
    }
    std::uint32_t len = 1;
    while (b + len < n_blocks_ && kind_of(b + len) == BlockKind::tail) ++len;
    chains.add(len);
  }
  if (free != runs_.free_blocks()) return "free block count differs from the ATB";
  if (longest_run != runs_.largest_run()) return "largest free run differs from the ATB";
  if (runs != runs_.run_count()) return "free run count differs from the ATB";
  if (chains != chains_) return "allocation lengths differ from the ATB";
  for (std::uint32_t b = used_words_ * 64; b < n_blocks_; ++b) {
    if (kind_of(b) != BlockKind::free)
      return "block " + std::to_string(b) + " is past the used words";
  }
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 64u, 65u, 200u}) {
    BlockIndex slow = kNoBlock;
    for (std::uint32_t b = 0, r = 0; b < n_blocks_ && slow == kNoBlock; ++b) {
      r = kind_of(b) == BlockKind::free ? r + 1 : 0;
      if (r >= n) slow = BlockIndex(b + 1 - n);
    }
    if (slow != runs_.first_fit(n)) return "first fit for " + std::to_string(n) + " differs";
  }
  return {};
}

}  // namespace gcsim
