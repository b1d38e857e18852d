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

// A cell's safety margin (safety.h): every heap from `from_bytes` up to the cell's own, replayed
// in block steps. Not checked (holds false, no replays) when the cell itself fails.
struct MarginCheck {
  std::uint64_t from_bytes = 0;
  bool holds = false;
  std::optional<std::uint64_t> fails_at_bytes;  // the largest heap below that fails
  std::uint32_t replays = 0;
  bool operator==(const MarginCheck&) const = default;
};

struct CellResult {
  std::size_t index = 0;  // in the grid's order (cells.h)
  CellCoord coord;
  std::int64_t threshold_requested = -1;  // what gc.threshold() was passed; −1 off
  std::int64_t threshold_effective = -1;  // what it reads back (block rounding)
  std::uint64_t heap_bytes = 0;
  std::uint64_t pool_blocks = 0, pool_bytes = 0;
  std::vector<MetricValue> metrics;   // replay_metrics() order
  std::optional<MarginCheck> margin;  // with a --safety-margin only
};

// How many candidate heaps of a run failed first with each MemoryError class.
struct FailureClassCounts {
  std::uint32_t capacity = 0, fragmentation = 0, disabled = 0;
  bool operator==(const FailureClassCounts&) const = default;
};

// Heap sizes from `from_bytes` to `to_bytes` with one verdict.
struct HeapRun {
  std::uint64_t from_bytes = 0, to_bytes = 0;
  bool passes = false;
  FailureClassCounts failures;  // failing runs: per candidate (ATB size), its first MemoryError
  bool operator==(const HeapRun&) const = default;
};

// The minimum heap of a trace at one threshold (min_heap.h).
struct MinHeapResult {
  std::size_t index = 0;  // trace · thresholds + threshold
  std::size_t trace = 0, threshold = 0;
  // Holds from: every heap from here to searched_to_bytes replays with no MemoryError. None:
  // the bound itself fails.
  std::optional<std::uint64_t> heap_bytes;
  std::uint64_t pool_blocks = 0;                        // of heap_bytes
  std::optional<std::uint64_t> smallest_passing_bytes;  // none: no heap passes
  std::uint64_t searched_from_bytes = 0;  // the smallest heap replayed; no smaller one can pass
  std::uint64_t searched_to_bytes = 0;    // the bound
  std::vector<HeapRun> islands;           // ascending: from smallest_passing_bytes to heap_bytes
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
