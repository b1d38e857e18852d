#include "heap/free_run_index.h"

#include <algorithm>

namespace gcsim {

FreeRunIndex::FreeRunIndex(std::uint32_t n_blocks) : n_blocks_(n_blocks), leaves_(1) {
  while (leaves_ < n_blocks_) leaves_ *= 2;
  nodes_.resize(2 * static_cast<std::size_t>(leaves_));
  pending_.assign(2 * static_cast<std::size_t>(leaves_), Pending::none);
  rebuild([](std::uint32_t) { return true; });
}

FreeRunIndex::Node FreeRunIndex::uniform(bool is_free, std::uint32_t span) {
  if (!is_free) return Node{};
  return Node{span, span, span, 1, span};
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

void FreeRunIndex::set_free(std::uint32_t first, std::uint32_t n_blocks) {
  assign(first, n_blocks, true);
}

void FreeRunIndex::set_used(std::uint32_t first, std::uint32_t n_blocks) {
  assign(first, n_blocks, false);
}

void FreeRunIndex::assign(std::uint32_t first, std::uint32_t n_blocks, bool is_free) {
  if (n_blocks == 0) return;
  assign(1, 0, leaves_, first, first + n_blocks - 1, is_free);
}

void FreeRunIndex::assign(std::uint32_t node, std::uint32_t lo, std::uint32_t span,
                          std::uint32_t first, std::uint32_t last, bool is_free) {
  const std::uint32_t hi = lo + span - 1;
  if (last < lo || hi < first) return;
  if (first <= lo && hi <= last) {
    nodes_[node] = uniform(is_free, span);
    pending_[node] = is_free ? Pending::free : Pending::used;
    return;
  }
  const std::uint32_t half = span / 2;
  const std::uint32_t l = 2 * node, r = 2 * node + 1;
  if (pending_[node] != Pending::none) {  // push the pending assignment down one level
    const bool f = pending_[node] == Pending::free;
    nodes_[l] = nodes_[r] = uniform(f, half);
    pending_[l] = pending_[r] = pending_[node];
    pending_[node] = Pending::none;
  }
  assign(l, lo, half, first, last, is_free);
  assign(r, lo + half, half, first, last, is_free);
  nodes_[node] = combine(nodes_[l], nodes_[r], half);
}

std::optional<std::uint32_t> FreeRunIndex::first_fit(std::uint32_t n_blocks) const {
  if (n_blocks == 0 || nodes_[1].best < n_blocks) return std::nullopt;
  std::uint32_t node = 1, lo = 0, span = leaves_;
  while (span > 1) {
    // A pending assignment makes the whole span uniform; it holds a run ≥ n, so it is free.
    if (pending_[node] != Pending::none) return lo;
    const std::uint32_t half = span / 2;
    const Node& l = nodes_[2 * node];
    const Node& r = nodes_[2 * node + 1];
    if (l.best >= n_blocks) {
      node = 2 * node;
    } else if (l.suf + r.pref >= n_blocks) {
      return lo + half - l.suf;
    } else {
      node = 2 * node + 1;
      lo += half;
    }
    span = half;
  }
  return lo;
}

}  // namespace gcsim
