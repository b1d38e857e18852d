// FreeRunIndex: which blocks are free, summarised so that first fit, the largest free run, the
// number of free runs and the free count are answered without rescanning the ATB.
//
// A segment tree over the N pool blocks. Each node covers a power-of-two span and keeps
//   pref  free blocks at the span's start      suf   free blocks at its end
//   best  longest free run inside the span     runs  number of free runs   free  free blocks
// e.g. span "..hh=...": pref 2, suf 3, best 3, runs 2, free 5.
// Changing k consecutive blocks rewrites k leaves and their ancestors, O(k + log N): the same
// order as writing the k ATB entries. First fit walks down from the root in O(log N).
// Padding leaves past N count as used, so runs never reach past the pool.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace gcsim {

class FreeRunIndex {
 public:
  // All n_blocks free.
  explicit FreeRunIndex(std::uint32_t n_blocks = 0);

  void set_free(std::uint32_t first, std::uint32_t n_blocks) { assign(first, n_blocks, true); }
  void set_used(std::uint32_t first, std::uint32_t n_blocks) { assign(first, n_blocks, false); }

  // The lowest block b such that [b, b + n_blocks) are all free: py/gc.c's first fit.
  std::optional<std::uint32_t> first_fit(std::uint32_t n_blocks) const;

  std::uint32_t free_blocks() const { return nodes_[1].free; }
  std::uint32_t largest_run() const { return nodes_[1].best; }
  std::uint32_t run_count() const { return nodes_[1].runs; }

 private:
  struct Node {
    std::uint32_t pref = 0, suf = 0, best = 0, runs = 0, free = 0;
  };

  static Node combine(const Node& l, const Node& r, std::uint32_t half);
  void assign(std::uint32_t first, std::uint32_t n_blocks, bool is_free);

  std::uint32_t leaves_;  // a power of two ≥ N; leaf b is node leaves_ + b
  std::vector<Node> nodes_;
};

}  // namespace gcsim
