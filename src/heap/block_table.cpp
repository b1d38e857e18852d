#include "heap/block_table.h"

#include <stdexcept>

namespace gcsim {

BlockTable::BlockTable(std::uint32_t n_blocks)
    : n_blocks_(n_blocks), atb_((n_blocks + 3) / 4, 0), runs_(n_blocks) {}

std::uint32_t BlockTable::chain_length(std::uint32_t head) const {
  std::uint32_t b = head + 1;
  while (b < n_blocks_ && kind(b) == BlockKind::tail) ++b;
  return b - head;
}

std::uint32_t BlockTable::free_run_from(std::uint32_t first, std::uint32_t limit) const {
  std::uint32_t n = 0;
  while (n < limit && first + n < n_blocks_ && kind(first + n) == BlockKind::free) ++n;
  return n;
}

void BlockTable::allocate(std::uint32_t head, std::uint32_t n_blocks) {
  set_kind(head, BlockKind::head);
  for (std::uint32_t b = head + 1; b < head + n_blocks; ++b) set_kind(b, BlockKind::tail);
  runs_.set_used(head, n_blocks);
  count_chain(n_blocks, +1);
}

std::uint32_t BlockTable::release(std::uint32_t head) {
  const std::uint32_t n_blocks = chain_length(head);
  for (std::uint32_t b = head; b < head + n_blocks; ++b) set_kind(b, BlockKind::free);
  runs_.set_free(head, n_blocks);
  count_chain(n_blocks, -1);
  return n_blocks;
}

void BlockTable::resize(std::uint32_t head, std::uint32_t old_blocks, std::uint32_t new_blocks) {
  if (new_blocks < old_blocks) {
    for (std::uint32_t b = head + new_blocks; b < head + old_blocks; ++b) {
      set_kind(b, BlockKind::free);
    }
    runs_.set_free(head + new_blocks, old_blocks - new_blocks);
  } else {
    for (std::uint32_t b = head + old_blocks; b < head + new_blocks; ++b) {
      set_kind(b, BlockKind::tail);
    }
    runs_.set_used(head + old_blocks, new_blocks - old_blocks);
  }
  count_chain(old_blocks, -1);
  count_chain(new_blocks, +1);
}

bool BlockTable::mark(std::uint32_t head) {
  if (head >= n_blocks_ || kind(head) != BlockKind::head) return false;
  set_kind(head, BlockKind::mark);
  return true;
}

std::uint32_t BlockTable::allocations_of_length(std::uint32_t n_blocks) const {
  const auto it = chains_by_length_.find(n_blocks);
  return it == chains_by_length_.end() ? 0 : it->second;
}

std::uint32_t BlockTable::longest_allocation() const {
  return chains_by_length_.empty() ? 0 : chains_by_length_.rbegin()->first;
}

void BlockTable::count_chain(std::uint32_t n_blocks, int delta) {
  if (delta > 0) {
    ++chains_by_length_[n_blocks];
    ++n_allocations_;
    return;
  }
  const auto it = chains_by_length_.find(n_blocks);
  if (it == chains_by_length_.end()) throw std::logic_error("BlockTable: chain count underflow");
  if (--it->second == 0) chains_by_length_.erase(it);
  --n_allocations_;
}

std::string BlockTable::check(bool marks_allowed) const {
  std::uint32_t free = 0, longest_run = 0, run = 0, runs = 0, allocations = 0;
  std::map<std::uint32_t, std::uint32_t> chains;
  for (std::uint32_t b = 0; b < n_blocks_; ++b) {
    const BlockKind k = kind(b);
    if (k == BlockKind::free) {
      ++free;
      if (run++ == 0) ++runs;
      if (run > longest_run) longest_run = run;
      continue;
    }
    run = 0;
    if (k == BlockKind::tail) {
      if (b == 0 || kind(b - 1) == BlockKind::free) {
        return "TAIL at block " + std::to_string(b) + " follows no allocation";
      }
      continue;
    }
    if (k == BlockKind::mark && !marks_allowed) {
      return "MARK left at block " + std::to_string(b) + " outside a collection";
    }
    ++chains[chain_length(b)];
    ++allocations;
  }
  if (free != runs_.free_blocks()) return "free block count differs from the ATB";
  if (longest_run != runs_.largest_run()) return "largest free run differs from the ATB";
  if (runs != runs_.run_count()) return "free run count differs from the ATB";
  if (chains != chains_by_length_ || allocations != n_allocations_) {
    return "allocation lengths differ from the ATB";
  }
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 64u}) {
    std::optional<std::uint32_t> slow;
    for (std::uint32_t b = 0, r = 0; b < n_blocks_ && !slow; ++b) {
      r = kind(b) == BlockKind::free ? r + 1 : 0;
      if (r >= n) slow = b + 1 - n;
    }
    if (slow != runs_.first_fit(n)) return "first fit for " + std::to_string(n) + " differs";
  }
  return {};
}

}  // namespace gcsim
