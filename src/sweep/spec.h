// What defines a sweep: its traces (with the preset and geometry each replays on), the grid's
// two lists, the cost model, the K210 memory figures and whether minimum heaps are searched.
// Shards of one sweep carry equal specs; `gcsim merge` checks that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "heap/geometry.h"
#include "replay/driver.h"
#include "sweep/cells.h"
#include "sweep/cost_model.h"
#include "sweep/grid.h"
#include "sweep/k210_memory.h"

namespace gcsim::sweep {

struct SweepTrace {
  std::string name;  // the header's name, else the file's stem; unique in a sweep
  std::string file;  // as given
  std::uint64_t events = 0;
  std::string preset;
  GeometryParams geometry;  // the preset's with the overrides; heap_bytes: the preset's default
  std::int64_t port_threshold_bytes = -1;  // the preset's default gc.threshold()
  ReplayLimits limits;                     // every cell's; not part of the result
};

struct SweepSpec {
  std::vector<SweepTrace> traces;
  std::vector<GridValue> thresholds;
  std::vector<GridValue> heap_sizes;
  CostModel cost;
  K210Memory k210;
  bool min_heap = false;

  GridShape shape() const { return {traces.size(), heap_sizes.size(), thresholds.size()}; }
};

// The name a trace goes by in a sweep: the header's `name`, else the file name without its
// folder and its .json/.jsonl/.gz endings.
std::string trace_name(const TraceHeader& header, const std::string& file);

// Throws std::invalid_argument when two traces go by one name (cells, baselines and budgets
// name their trace by it).
void check_trace_names(const std::vector<SweepTrace>& traces);

// The replay settings of a trace with a threshold at a heap size; the threshold is resolved on
// that heap's layout. Throws std::invalid_argument for a heap size that makes no heap.
ReplaySettings cell_settings(const SweepTrace& trace, const GridValue& threshold,
                             std::uint64_t heap_bytes);

}  // namespace gcsim::sweep
