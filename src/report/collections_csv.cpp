#include "report/collections_csv.h"

#include <fmt/ostream.h>

#include "collector/trigger.h"

namespace gcsim {

void write_collections_csv(std::ostream& out, const std::vector<CollectionEntry>& log,
                           std::uint32_t block_bytes) {
  out << "event,cause,amount_blocks,threshold_blocks,mem_alloc_before,mem_alloc_after,"
         "objects_freed,blocks_freed,max_free_before,max_free_after,blocks_marked,blocks_swept\n";
  for (const CollectionEntry& c : log) {
    const CollectionRecord& r = c.record;
    const std::int64_t threshold = c.threshold_blocks == Trigger::kDisabled
                                       ? -1
                                       : static_cast<std::int64_t>(c.threshold_blocks);
    fmt::print(out, "{},{},{},{},{},{},{},{},{},{},{},{}\n", c.event, cause_name(r.cause),
               r.amount_blocks, threshold, std::uint64_t{r.used_blocks_before} * block_bytes,
               std::uint64_t{r.used_blocks_after} * block_bytes, r.heads_freed, r.blocks_freed,
               std::uint64_t{r.largest_free_before} * block_bytes,
               std::uint64_t{r.largest_free_after} * block_bytes, r.blocks_marked, r.blocks_swept);
  }
}

}  // namespace gcsim
