#include "heap/free_run_index.h"

#include <algorithm>

namespace gcsim {
namespace {

constexpr std::uint32_t kWordBlocks = 64;

// The longest run of set bits in x.
std::uint32_t longest_ones(std::uint64_t x) {
  if (x == ~std::uint64_t{0}) return kWordBlocks;
  std::uint32_t best = 0;
  while (x != 0) {
    x >>= std::countr_zero(x);
    const auto len = static_cast<std::uint32_t>(std::countr_one(x));  // < 64: x had a clear bit
    best = std::max(best, len);
    x >>= len;
  }
  return best;
}

// The lowest bit where a run of at least n set bits starts (the word has one).
std::uint32_t first_run_in_word(std::uint64_t x, std::uint32_t n) {
  std::uint32_t base = 0;
  for (;;) {
    const auto gap = static_cast<std::uint32_t>(std::countr_zero(x));
    x >>= gap;
    base += gap;
    const auto len = static_cast<std::uint32_t>(std::countr_one(x));
    if (len >= n) return base;
    x >>= len;  // len < 64 here: a run of 64 would have been long enough
    base += len;
  }
}

// Bits [lo, hi) of a word, 0 ≤ lo < hi ≤ 64.
std::uint64_t bit_range(std::uint32_t lo, std::uint32_t hi) {
  const std::uint64_t upto_hi = hi == kWordBlocks ? ~std::uint64_t{0} : (std::uint64_t{1} << hi) - 1;
  return upto_hi & ~((std::uint64_t{1} << lo) - 1);
}

}  // namespace

FreeRunIndex::FreeRunIndex(std::uint32_t n_blocks) : n_blocks_(n_blocks), leaves_(1) {
  const std::uint32_t n_words = std::max<std::uint32_t>(1, (n_blocks + kWordBlocks - 1) / kWordBlocks);
  words_.assign(n_words, 0);
  while (leaves_ < n_words) {
    leaves_ *= 2;
    ++depth_;
  }
  nodes_.resize(2 * static_cast<std::size_t>(leaves_));
  if (n_blocks > 0) write_bits(0, n_blocks, true);
  for (std::uint32_t w = 0; w < n_words; ++w) nodes_[leaves_ + w] = leaf_of(words_[w]);
  std::uint32_t half = kWordBlocks;
  for (std::uint32_t level = leaves_ / 2; level >= 1; level /= 2, half *= 2) {
    for (std::uint32_t n = level; n < 2 * level; ++n) {
      nodes_[n] = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
    }
  }
}

FreeRunIndex::Node FreeRunIndex::leaf_of(std::uint64_t word) {
  return Node{static_cast<std::uint32_t>(std::countr_one(word)),
              static_cast<std::uint32_t>(std::countl_one(word)), longest_ones(word)};
}

FreeRunIndex::Node FreeRunIndex::combine(const Node& l, const Node& r, std::uint32_t half) {
  Node n;
  n.pref = l.pref == half ? half + r.pref : l.pref;
  n.suf = r.suf == half ? half + l.suf : r.suf;
  n.best = std::max({l.best, r.best, l.suf + r.pref});
  return n;
}

void FreeRunIndex::write_bits(std::uint32_t first, std::uint32_t n_blocks, bool to_free) {
  const std::uint32_t end = first + n_blocks;
  const int neighbours_free = (first > 0 && is_free(first - 1) ? 1 : 0) +
                              (end < n_blocks_ && is_free(end) ? 1 : 0);
  for (std::uint32_t w = first / kWordBlocks; w * kWordBlocks < end; ++w) {
    const std::uint32_t from = std::max(first, w * kWordBlocks) - w * kWordBlocks;
    const std::uint32_t to = std::min(end, (w + 1) * kWordBlocks) - w * kWordBlocks;
    const std::uint64_t mask = bit_range(from, to);
    words_[w] = to_free ? words_[w] | mask : words_[w] & ~mask;
  }
  if (to_free) {
    free_blocks_ += n_blocks;
    run_count_ = static_cast<std::uint32_t>(static_cast<int>(run_count_) + 1 - neighbours_free);
  } else {
    free_blocks_ -= n_blocks;
    run_count_ = static_cast<std::uint32_t>(static_cast<int>(run_count_) + neighbours_free - 1);
  }
}

void FreeRunIndex::update_path(std::uint32_t word) {
  std::uint32_t n = leaves_ + word;
  const Node leaf = leaf_of(words_[word]);
  if (leaf == nodes_[n]) return;
  nodes_[n] = leaf;
  for (std::uint32_t half = kWordBlocks; n > 1; half *= 2) {
    n /= 2;
    const Node node = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
    if (node == nodes_[n]) return;  // ancestors depend only on their children
    nodes_[n] = node;
  }
}

void FreeRunIndex::update_leaves(std::uint32_t lo_word, std::uint32_t hi_word) {
  if (lo_word == hi_word) return update_path(lo_word);
  std::uint32_t lo = leaves_ + lo_word, hi = leaves_ + hi_word;
  bool changed = false;
  for (std::uint32_t w = lo_word; w <= hi_word; ++w) {
    const Node leaf = leaf_of(words_[w]);
    if (leaf != nodes_[leaves_ + w]) {
      nodes_[leaves_ + w] = leaf;
      changed = true;
    }
  }
  // Ancestors depend only on their children: once a level comes out unchanged, stop.
  for (std::uint32_t half = kWordBlocks; changed && lo > 1; half *= 2) {
    lo /= 2;
    hi /= 2;
    changed = false;
    for (std::uint32_t n = lo; n <= hi; ++n) {
      const Node node = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
      if (node != nodes_[n]) {
        nodes_[n] = node;
        changed = true;
      }
    }
  }
}

void FreeRunIndex::assign(std::uint32_t first, std::uint32_t n_blocks, bool to_free) {
  if (n_blocks == 0) return;
  write_bits(first, n_blocks, to_free);
  update_leaves(first / kWordBlocks, (first + n_blocks - 1) / kWordBlocks);
}

void FreeRunIndex::set_free_bulk(std::uint32_t first, std::uint32_t n_blocks) {
  if (n_blocks == 0) return;
  write_bits(first, n_blocks, true);
  const std::uint32_t lo = first / kWordBlocks, hi = (first + n_blocks - 1) / kWordBlocks;
  if (!bulk_.empty() && lo <= bulk_.back().hi + 1 && hi + 1 >= bulk_.back().lo) {
    bulk_.back().lo = std::min(bulk_.back().lo, lo);
    bulk_.back().hi = std::max(bulk_.back().hi, hi);
  } else {
    bulk_.push_back({lo, hi});
  }
}

void FreeRunIndex::finish_bulk() {
  if (bulk_.empty()) return;
  std::uint32_t lo = bulk_.front().lo, hi = bulk_.front().hi, touched = 0;
  for (const WordSpan& s : bulk_) {
    lo = std::min(lo, s.lo);
    hi = std::max(hi, s.hi);
    touched += s.hi - s.lo + 1;
  }
  // A path per span costs up to depth_ nodes each; one pass over the span about twice its words.
  if (std::uint64_t{touched} * (depth_ + 1) < 2 * std::uint64_t{hi - lo + 1}) {
    // Each span's update leaves every ancestor consistent with the leaves below it, stale
    // leaves of later spans included, so the early stop stays right span after span.
    for (const WordSpan& s : bulk_) update_leaves(s.lo, s.hi);
  } else {
    update_leaves(lo, hi);
  }
  bulk_.clear();
}

std::uint32_t FreeRunIndex::free_run_from(std::uint32_t first, std::uint32_t limit) const {
  std::uint32_t n = 0;
  for (std::uint32_t b = first; n < limit && b < n_blocks_;) {
    const std::uint32_t offset = b % kWordBlocks;
    // Bits past the pool are clear, so a run stops at the pool's end by itself.
    const auto ones = static_cast<std::uint32_t>(std::countr_one(words_[b / kWordBlocks] >> offset));
    const std::uint32_t in_word = std::min(ones, kWordBlocks - offset);
    n += in_word;
    b += in_word;
    if (in_word < kWordBlocks - offset) break;
  }
  return std::min(n, limit);
}

std::optional<std::uint32_t> FreeRunIndex::first_fit(std::uint32_t n_blocks) const {
  if (n_blocks == 0 || nodes_[1].best < n_blocks) return std::nullopt;
  std::uint32_t node = 1, lo = 0, span = leaves_ * kWordBlocks;
  while (node < leaves_) {
    const std::uint32_t half = span / 2;
    const Node& l = nodes_[2 * node];
    const Node& r = nodes_[2 * node + 1];
    if (l.best >= n_blocks) {
      node = 2 * node;
    } else if (l.suf + r.pref >= n_blocks) {
      return lo + half - l.suf;  // the run straddles the halves
    } else {
      node = 2 * node + 1;
      lo += half;
    }
    span = half;
  }
  return lo + first_run_in_word(words_[node - leaves_], n_blocks);
}

}  // namespace gcsim
