#include "heap/free_run_index.h"

#include <algorithm>

namespace gcsim {

FreeRunIndex::FreeRunIndex(std::uint32_t n_blocks) : leaves_(1) {
  while (leaves_ < n_blocks) leaves_ *= 2;
  nodes_.resize(2 * static_cast<std::size_t>(leaves_));
  for (std::uint32_t b = 0; b < n_blocks; ++b) nodes_[leaves_ + b] = Node{1, 1, 1, 1, 1};
  std::uint32_t half = 1;
  for (std::uint32_t level = leaves_ / 2; level >= 1; level /= 2, half *= 2) {
    for (std::uint32_t n = level; n < 2 * level; ++n) {
      nodes_[n] = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
    }
  }
}

FreeRunIndex::Node FreeRunIndex::combine(const Node& l, const Node& r, std::uint32_t half) {
  Node n;
  n.pref = l.pref == half ? half + r.pref : l.pref;
  n.suf = r.suf == half ? half + l.suf : r.suf;
  n.best = std::max({l.best, r.best, l.suf + r.pref});
  n.runs = l.runs + r.runs - ((l.suf > 0 && r.pref > 0) ? 1 : 0);
  n.free = l.free + r.free;
  return n;
}

void FreeRunIndex::assign(std::uint32_t first, std::uint32_t n_blocks, bool is_free) {
  if (n_blocks == 0) return;
  const Node leaf = is_free ? Node{1, 1, 1, 1, 1} : Node{};
  std::uint32_t lo = leaves_ + first, hi = leaves_ + first + n_blocks - 1;
  for (std::uint32_t n = lo; n <= hi; ++n) nodes_[n] = leaf;
  for (std::uint32_t half = 1; lo > 1; half *= 2) {
    lo /= 2;
    hi /= 2;
    for (std::uint32_t n = lo; n <= hi; ++n) {
      nodes_[n] = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
    }
  }
}

std::optional<std::uint32_t> FreeRunIndex::first_fit(std::uint32_t n_blocks) const {
  if (n_blocks == 0 || nodes_[1].best < n_blocks) return std::nullopt;
  std::uint32_t node = 1, lo = 0, span = leaves_;
  while (span > 1) {
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
  return lo;
}

}  // namespace gcsim
