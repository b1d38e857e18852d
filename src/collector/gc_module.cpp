#include "collector/gc_module.h"

#include "collector/heap_info.h"

namespace gcsim {

std::uint64_t GcModule::mem_alloc() const {
  return heap_info(collector_.table(), collector_.layout().params.block_bytes).used;
}

std::uint64_t GcModule::mem_free() const {
  return heap_info(collector_.table(), collector_.layout().params.block_bytes).free;
}

}  // namespace gcsim
