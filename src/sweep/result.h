// A sweep's results: one CellResult per cell run (every metric of report/metrics.h, in its
// order, so cells serialise and compare without re-listing metrics) and one MinHeapResult per
// trace × threshold when minimum heaps were searched. Both are kept sorted by index; a shard
// holds its share, a merged or unsharded result all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/metrics.h"
#include "sweep/cells.h"
#include "sweep/spec.h"

namespace gcsim::sweep {

struct CellResult {
  std::size_t index = 0;  // in the grid's order (cells.h)
  CellCoord coord;
  std::int64_t threshold_requested = -1;  // what gc.threshold() was passed; −1 off
  std::int64_t threshold_effective = -1;  // what it reads back (block rounding)
  std::uint64_t heap_bytes = 0;
  std::uint64_t pool_blocks = 0, pool_bytes = 0;
  std::vector<MetricValue> metrics;  // replay_metrics() order
};

// The smallest heap at which a trace replays with no MemoryError, for one threshold.
struct MinHeapResult {
  std::size_t index = 0;  // trace · thresholds + threshold
  std::size_t trace = 0, threshold = 0;
  std::optional<std::uint64_t> heap_bytes;  // none: every heap up to searched_to_bytes fails
  std::uint64_t pool_blocks = 0;            // of that heap
  std::uint64_t searched_to_bytes = 0;      // the largest heap replayed
  std::uint32_t replays = 0;
};

struct SweepResult {
  SweepSpec spec;
  std::optional<Shard> shard;  // none: every cell
  std::vector<CellResult> cells;
  std::vector<MinHeapResult> min_heaps;
};

// The cell with this index (cells are sorted by index); throws std::out_of_range.
const CellResult& cell_with_index(const SweepResult& result, std::size_t index);

// Position of `key` in replay_metrics(); throws std::logic_error for a key not there.
std::size_t metric_position(std::string_view key);
// A counter or gauge of the cell by key ("failures.total"), or a ratio ("worst_fragmentation").
std::uint64_t count_of(const CellResult& cell, std::string_view key);
double ratio_of(const CellResult& cell, std::string_view key);
// The cell's estimated GC cycles under the spec's cost model.
std::uint64_t gc_cycles(const SweepSpec& spec, const CellResult& cell);

// "threshold=quarter heap=port": the cell's setting as the grid wrote it (with its trace, the
// key baselines match cells by).
std::string setting_name(const SweepSpec& spec, const CellResult& cell);
// A metric's value for people: counts grouped (12,345), ratios to 4 decimals.
std::string metric_text(const MetricValue& value);

}  // namespace gcsim::sweep
