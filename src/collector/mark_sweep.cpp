#include "collector/mark_sweep.h"

namespace gcsim {

MarkResult mark_reachable(BlockTable& table, const Mutator& mutator,
                          std::optional<BlockIndex> pinned) {
  MarkResult result;
  std::vector<BlockIndex> pending;
  mutator.roots(pending);
  if (pinned) pending.push_back(*pinned);
  // Only unmarked HEADs are pointers worth following (VERIFY_PTR plus the HEAD test).
  std::erase_if(pending, [&](BlockIndex b) { return !table.mark(b.value); });
  std::vector<BlockIndex> children;
  while (!pending.empty()) {
    const BlockIndex head = pending.back();
    pending.pop_back();
    ++result.heads_marked;
    result.blocks_marked += table.chain_length(head.value);
    children.clear();
    mutator.references(head, children);
    for (BlockIndex child : children) {
      if (table.mark(child.value)) pending.push_back(child);
    }
  }
  return result;
}

void mark_reachable_by_plane(BlockTable& table, const Mutator& mutator,
                             std::optional<BlockIndex> pinned) {
  const BitPlane& pointers = *mutator.pointer_plane();
  table.mark_plane(*mutator.root_plane());
  if (pinned) table.mark(pinned->value);
  std::vector<BlockIndex> pending;
  table.for_each_marked_in(pointers,
                           [&](std::uint32_t head) { pending.push_back(BlockIndex(head)); });
  std::vector<BlockIndex> children;
  while (!pending.empty()) {
    const BlockIndex head = pending.back();
    pending.pop_back();
    children.clear();
    mutator.references(head, children);
    for (BlockIndex child : children) {
      if (table.mark(child.value) && pointers.test(child.value)) pending.push_back(child);
    }
  }
}

}  // namespace gcsim
