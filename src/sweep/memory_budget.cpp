#include "sweep/memory_budget.h"

#include <fmt/format.h>
#include <stdexcept>

#include "replay/driver.h"
#include "text/number_format.h"

namespace gcsim::sweep {

SweepMemory::SweepMemory(const SweepSpec& spec, const std::vector<TraceEvents>& traces,
                         const SweepThreads& threads, std::size_t kept_cells)
    : spec_(spec),
      max_memory_bytes_(threads.max_memory_bytes),
      is_default_(threads.max_memory_is_default),
      keeps_cells_(kept_cells > 0) {
  if (!max_memory_bytes_) return;
  for (const TraceEvents& t : traces) traces_.push_back(footprint_of(t.events));
  fixed_bytes_ = base_bytes(traces_) + kept_cells * kept_cell_bytes();
  replay_budget_ = *max_memory_bytes_ > fixed_bytes_ ? *max_memory_bytes_ - fixed_bytes_ : 0;
}

std::uint64_t SweepMemory::replay_bytes(std::size_t trace, std::uint64_t heap_bytes) const {
  if (!max_memory_bytes_) return 0;
  GeometryParams g = spec_.traces[trace].geometry;
  g.heap_bytes = heap_bytes;
  return sweep::replay_bytes(traces_[trace], layout_for(g).pool_blocks);
}

void SweepMemory::require_fits(std::size_t trace, std::uint64_t heap_bytes) const {
  const std::uint64_t bytes = replay_bytes(trace, heap_bytes);
  if (bytes <= replay_budget_) return;
  throw std::invalid_argument(fmt::format(
      "--max-memory: {} bytes{} is too little: a replay of {} on a {}-byte heap needs an "
      "estimated {}, beside {} for the process and the traces{} (give at least {}, or 0 for no "
      "limit)",
      grouped(*max_memory_bytes_), is_default_ ? " (the default)" : "", spec_.traces[trace].name,
      grouped(heap_bytes), human_bytes(bytes), human_bytes(fixed_bytes_),
      keeps_cells_ ? " and --html's kept cells" : "", grouped(fixed_bytes_ + bytes)));
}

}  // namespace gcsim::sweep
