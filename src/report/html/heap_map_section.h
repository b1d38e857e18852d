// One heap map in the HTML report — at the peak, or at a MemoryError: the fragmentation
// figures (free bytes, largest free run in bytes and blocks, 1 − largest/free, free runs), the
// tile picture (svg/heap_tiles.h), the free-run histogram (svg/histogram.h) and, folded, the
// micropython.mem_info(1) text (heap_map/mem_info.h).
#pragma once

#include <ostream>
#include <string_view>

#include "report/heap_map/mem_info.h"
#include "report/heap_map/snapshot.h"

namespace gcsim {

// `id` names the panel; its SVGs are id-tiles and id-runs.
void write_html_heap_map(std::ostream& out, const HeapSnapshot& snapshot,
                         const HeapMapFormat& format, std::string_view id);

}  // namespace gcsim
