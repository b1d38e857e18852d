#include "report/heap_map/snapshot.h"

#include "report/heap_map/mem_info.h"

namespace gcsim {

HeapSnapshot take_snapshot(const BlockTable& table, const Program* program,
                           std::uint32_t block_bytes, std::uint64_t event) {
  HeapSnapshot s;
  s.event = event;
  s.letters = block_letters(table, program);
  s.info = heap_info(table, block_bytes);
  s.born_event.assign(table.size(), kNoEvent);
  std::uint64_t born = kNoEvent;  // of the allocation the walk is in
  for (std::uint32_t b = 0; b < table.size(); ++b) {
    switch (table.kind(BlockIndex(b))) {
      case BlockKind::free:
        born = kNoEvent;
        break;
      case BlockKind::head:
      case BlockKind::mark: {
        const Program::Object* owner = program ? program->owner(BlockIndex(b)) : nullptr;
        born = owner ? owner->born_event.value : kNoEvent;
        break;
      }
      case BlockKind::tail:
        break;
    }
    s.born_event[b] = born;
  }
  return s;
}

HeapSnapshot take_snapshot(const Simulation& sim, std::uint64_t event) {
  const Collector& c = sim.collector();
  return take_snapshot(c.table(), &sim.program(), c.layout().params.block_bytes, event);
}

}  // namespace gcsim
