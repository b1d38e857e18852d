// FreeRunIndex: which blocks are free, summarised so that first fit, the largest free run, the
// number of free runs and the free count are answered in O(log N) without rescanning the ATB.
//
// A segment tree over the N pool blocks. Each node covers a power-of-two span and keeps
//   pref  free blocks at the span's start      suf   free blocks at its end
//   best  longest free run inside the span     runs  number of free runs   free  free blocks
// e.g. span "..hh=...": pref 2, suf 3, best 3, runs 2, free 5.
// A range assignment (allocate or free k consecutive blocks) is lazy, so it costs O(log N)
// whatever k is. Padding leaves past N count as used, so runs never reach past the pool.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace gcsim {

class FreeRunIndex {
 public:
  explicit FreeRunIndex(std::uint32_t n_blocks = 0);

  // Rebuild from a per-block predicate in O(N): is_free(b) for b in [0, N).
  template <class IsFree>
  void rebuild(IsFree&& is_free);

  void set_free(std::uint32_t first, std::uint32_t n_blocks);
  void set_used(std::uint32_t first, std::uint32_t n_blocks);

  // The lowest block b such that [b, b + n_blocks) are all free: py/gc.c's first fit.
  std::optional<std::uint32_t> first_fit(std::uint32_t n_blocks) const;

  std::uint32_t free_blocks() const { return nodes_[1].free; }
  std::uint32_t largest_run() const { return nodes_[1].best; }
  std::uint32_t run_count() const { return nodes_[1].runs; }

 private:
  struct Node {
    std::uint32_t pref = 0, suf = 0, best = 0, runs = 0, free = 0;
  };
  enum class Pending : std::uint8_t { none, free, used };

  static Node uniform(bool is_free, std::uint32_t span);
  static Node combine(const Node& l, const Node& r, std::uint32_t half);
  void assign(std::uint32_t first, std::uint32_t n_blocks, bool is_free);
  void assign(std::uint32_t node, std::uint32_t lo, std::uint32_t span, std::uint32_t first,
              std::uint32_t last, bool is_free);

  std::uint32_t n_blocks_;
  std::uint32_t leaves_;  // power of two ≥ n_blocks_
  std::vector<Node> nodes_;
  std::vector<Pending> pending_;
};

template <class IsFree>
void FreeRunIndex::rebuild(IsFree&& is_free) {
  for (std::uint32_t b = 0; b < leaves_; ++b) {
    nodes_[leaves_ + b] = uniform(b < n_blocks_ && is_free(b), 1);
  }
  std::uint32_t half = 1;
  for (std::uint32_t level_start = leaves_ / 2; level_start >= 1; level_start /= 2, half *= 2) {
    for (std::uint32_t n = level_start; n < 2 * level_start; ++n) {
      nodes_[n] = combine(nodes_[2 * n], nodes_[2 * n + 1], half);
      pending_[n] = Pending::none;
    }
  }
}

}  // namespace gcsim
