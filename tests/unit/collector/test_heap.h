// Test helpers for the collector suites: a Mutator whose roots and references are plain lists
// (what replay/program does over its object table), small hand-sized heaps, and Heap, one
// Collector with the program using it.
//
//   Heap h(kHeap8Blocks);
//   BlockIndex a = h.held(32);     // allocate 1 block and hold it (a root)
//   BlockIndex b = h.garbage(64);  // allocate 2 blocks, held by nothing
//   h.mutator.link(a, b);          // a's block stores a pointer to b
//   h.collector.collect(CollectionCause::explicit_);
//   h.map()                        // "hh=....." drawn as in table_render.h
//   h.mutator.swept_heads          // heads the sweep freed, in the order reported
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "../heap/table_render.h"
#include "collector/collector.h"
#include "collector/mutator.h"
#include "heap/geometry.h"

namespace gcsim::test {

class TestMutator final : public Mutator {
 public:
  void roots(std::vector<BlockIndex>& out) const override {
    for (std::uint32_t h : root_heads) out.push_back(BlockIndex(h));
  }
  void references(BlockIndex head, std::vector<BlockIndex>& out) const override {
    const auto it = children.find(head.value);
    if (it == children.end()) return;
    for (std::uint32_t c : it->second) out.push_back(BlockIndex(c));
  }
  void swept(BlockIndex head) override {
    swept_heads.push_back(head.value);
    children.erase(head.value);  // the object is gone; a new one may take its block
  }

  void hold(BlockIndex head) { root_heads.push_back(head.value); }
  // Stop holding one reference to head (it may still be reachable through others).
  void drop(BlockIndex head) {
    const auto it = std::find(root_heads.begin(), root_heads.end(), head.value);
    if (it != root_heads.end()) root_heads.erase(it);
  }
  void drop_all() { root_heads.clear(); }
  void link(BlockIndex from, BlockIndex to) { children[from.value].push_back(to.value); }
  // After an explicit gc_free: the object is gone, and so are its outgoing pointers.
  void forget(BlockIndex head) {
    drop(head);
    children.erase(head.value);
  }
  // After a moving realloc: every root and pointer to `from` now points to `to`.
  void moved(BlockIndex from, BlockIndex to) {
    std::replace(root_heads.begin(), root_heads.end(), from.value, to.value);
    for (auto& [head, list] : children)
      std::replace(list.begin(), list.end(), from.value, to.value);
    const auto it = children.find(from.value);
    if (it != children.end()) {
      std::vector<std::uint32_t> list = std::move(it->second);
      children.erase(it);
      children[to.value] = std::move(list);
    }
  }

  std::vector<std::uint32_t> root_heads;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> children;
  std::vector<std::uint32_t> swept_heads;
};

// A K210-shaped heap (W 8, B 32, finaliser on, v1.11) of heap_bytes. Sizes used by the tests,
// worked out with A = ⌊8T / 1036⌋, N = 4A:
//   160  → 1280/1036 = 1.2  → N 4         288  → 2304/1036 = 2.2  → N 8
//   544  → 4352/1036 = 4.2  → N 16        1056 → 8448/1036 = 8.2  → N 32
//   2080 → 16640/1036 = 16.06 → N 64      524288 → N 16192 (docs/collector.md §1.3)
inline Layout k210_layout(std::uint64_t heap_bytes) {
  const auto layout =
      compute_layout(GeometryParams{heap_bytes, 8, 32, true, RulesVersion::v1_11, 0});
  if (!layout) throw std::invalid_argument("no heap of that size");
  return *layout;
}

inline constexpr std::uint64_t kHeap4Blocks = 160;
inline constexpr std::uint64_t kHeap8Blocks = 288;
inline constexpr std::uint64_t kHeap16Blocks = 544;
inline constexpr std::uint64_t kHeap32Blocks = 1056;
inline constexpr std::uint64_t kHeap64Blocks = 2080;
inline constexpr std::uint32_t kB = 32;  // bytes per block in every k210_layout heap

// One heap and the program using it.
struct Heap {
  explicit Heap(std::uint64_t heap_bytes) : collector(k210_layout(heap_bytes), mutator) {}
  Heap(const Heap&) = delete;  // the collector refers to this heap's mutator
  Heap& operator=(const Heap&) = delete;

  // Allocate and hold (the program keeps a reference).
  BlockIndex held(std::uint64_t n_bytes, bool has_finaliser = false) {
    const BlockIndex head = garbage(n_bytes, has_finaliser);
    mutator.hold(head);
    return head;
  }
  // Allocate and hold nothing: garbage at the next collection.
  BlockIndex garbage(std::uint64_t n_bytes, bool has_finaliser = false) {
    const AllocOutcome out = collector.alloc(n_bytes, has_finaliser);
    if (out.head == kNoBlock) throw std::runtime_error("test setup: allocation failed");
    return out.head;
  }
  // gc_free, and the program forgets the object.
  void free(BlockIndex head) {
    collector.free(head);
    mutator.forget(head);
  }
  std::string map() const { return render(collector.table()); }
  std::uint64_t amount() const { return collector.trigger().amount_blocks(); }

  TestMutator mutator;
  Collector collector;
};

}  // namespace gcsim::test
