#include "collector/gc_scan.h"

namespace gcsim {

BlockIndex GcScan::first_fit(const BlockTable& table, std::uint64_t n_blocks) {
  std::uint64_t n_free = 0;
  for (std::uint32_t b = last_free_atb_index_ * kBlocksPerAtb; b < table.size(); ++b) {
    if (table.kind(BlockIndex(b)) != BlockKind::free) {
      n_free = 0;
      continue;
    }
    if (++n_free < n_blocks) continue;
    if (n_free == 1) last_free_atb_index_ = (b + 1) / kBlocksPerAtb;
    return BlockIndex(static_cast<std::uint32_t>(b + 1 - n_blocks));
  }
  return kNoBlock;
}

void GcScan::freed(BlockIndex block) {
  const std::uint32_t atb_index = block.value / kBlocksPerAtb;
  if (atb_index < last_free_atb_index_) last_free_atb_index_ = atb_index;
}

}  // namespace gcsim
