#include "collector/gc_scan.h"

namespace gcsim {

std::uint32_t GcScan::first_fit(const BlockTable& table, std::uint64_t n_blocks) {
  std::uint64_t n_free = 0;
  for (std::uint32_t b = last_free_atb_index_ * kBlocksPerAtb; b < table.size(); ++b) {
    if (table.kind(b) != BlockKind::free) {
      n_free = 0;
      continue;
    }
    if (++n_free < n_blocks) continue;
    if (n_free == 1) last_free_atb_index_ = (b + 1) / kBlocksPerAtb;
    return static_cast<std::uint32_t>(b + 1 - n_blocks);
  }
  return kNoFit;
}

void GcScan::freed(std::uint32_t block) {
  if (block / kBlocksPerAtb < last_free_atb_index_) last_free_atb_index_ = block / kBlocksPerAtb;
}

}  // namespace gcsim
