#include "collector/mark_sweep.h"

namespace gcsim {

MarkResult mark_reachable(BlockTable& table, const Mutator& mutator, BlockIndex pinned) {
  MarkResult result;
  std::vector<BlockIndex> pending;
  mutator.roots(pending);
  if (pinned != kNoBlock) pending.push_back(pinned);
  // Only unmarked HEADs are pointers worth following (VERIFY_PTR plus the HEAD test).
  std::erase_if(pending, [&](BlockIndex b) { return !table.mark(b); });
  std::vector<BlockIndex> children;
  while (!pending.empty()) {
    const BlockIndex head = pending.back();
    pending.pop_back();
    ++result.heads_marked;
    result.blocks_marked += table.chain_length(head);
    children.clear();
    mutator.references(head, children);
    for (BlockIndex child : children) {
      if (table.mark(child)) pending.push_back(child);
    }
  }
  return result;
}

void mark_reachable_by_plane(BlockTable& table, const Mutator& mutator, BlockIndex pinned) {
  const BitPlane& pointers = *mutator.pointer_plane();
  table.mark_plane(*mutator.root_plane());
  if (pinned != kNoBlock) table.mark(pinned);
  std::vector<BlockIndex> pending;
  table.for_each_marked_in(pointers, [&](BlockIndex head) { pending.push_back(head); });
  std::vector<BlockIndex> children;
  while (!pending.empty()) {
    const BlockIndex head = pending.back();
    pending.pop_back();
    children.clear();
    mutator.references(head, children);
    for (BlockIndex child : children) {
      if (table.mark(child) && pointers.test(child.value)) pending.push_back(child);
    }
  }
}

}  // namespace gcsim
