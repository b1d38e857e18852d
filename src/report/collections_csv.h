// The collection log as CSV, one row per collection:
//   event,cause,amount_blocks,threshold_blocks,mem_alloc_before,mem_alloc_after,
//   objects_freed,blocks_freed,max_free_before,max_free_after,blocks_marked,blocks_swept
// Bytes for mem_alloc and max_free; threshold_blocks is -1 when the threshold is off.
#pragma once

#include <ostream>
#include <vector>

#include "replay/recorder.h"

namespace gcsim {

void write_collections_csv(std::ostream& out, const std::vector<CollectionEntry>& log,
                           std::uint32_t block_bytes);

}  // namespace gcsim
