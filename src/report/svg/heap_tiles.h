// The heap as a picture: one cell per block, in address order, left to right and top to bottom
// like the text map (64 blocks a row, more for large heaps so the picture stays near square).
// FREE blocks are light grey, MARK red; an allocation's blocks take the colour of its object's
// age at that moment (the share of the run since it was allocated: palette::kAges), its HEAD a
// shade darker. Runs of equal cells in a row are one <rect>, so a 16,192-block heap is a few
// hundred elements. The <svg> stands alone (its own namespace) or sits inline in the report.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include "report/heap_map/snapshot.h"

namespace gcsim {

// `id` names the <svg>; `block_bytes` labels the rows.
void write_heap_tiles(std::ostream& out, const HeapSnapshot& snapshot, std::uint32_t block_bytes,
                      std::string_view id);

// An HTML legend for the tile colours (a <div class="tile-legend">).
void write_heap_tiles_legend(std::ostream& out);

}  // namespace gcsim
