// Runs a sweep: every cell of the grid (or a shard's share) replayed from traces parsed once
// and held in memory, on a pool of threads; then, with a --safety-margin, the heaps below each
// passing cell (safety.h); then the minimum-heap searches when asked (min_heap.h). Results land
// in slots by index, so the result is the same for any thread count. For the HTML page a sweep
// can also keep each cell's replay and curve.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "replay/driver.h"
#include "report/curve.h"
#include "report/event_columns.h"
#include "sweep/result.h"
#include "trace/event_array.h"
#include "trace/format.h"

namespace gcsim::sweep {

// One parsed trace, in spec.traces order.
struct TraceEvents {
  TraceHeader header;
  EventArray events;
};

// What the HTML page draws of a cell, the same size for any trace length: the summary, a
// Curve of a fixed number of buckets (the min and max of mem_alloc, mem_free and the largest
// free run in each; 256: a bucket or two per pixel column of a small chart), and the
// collections and MemoryErrors counted per pixel column (EventColumns). Neither a per-event
// sample nor the replay's list of every collection is kept.
inline constexpr std::size_t kSweepCurveBuckets = 256;
struct CellReplay {
  ReplaySummary summary;
  std::uint64_t pool_bytes = 0;
  Curve curve{kSweepCurveBuckets};
  EventColumns columns;
};

// How far a sweep is: tasks of each phase done and to do, and the replays of the heap scans.
struct SweepCounters {
  std::size_t cells_total = 0, margins_total = 0, searches_total = 0;
  std::atomic<std::size_t> cells_done{0}, margins_done{0}, searches_done{0};
  std::atomic<std::uint64_t> scan_replays{0};
};

// Told of progress from the worker threads, after each task and each wave of scan replays.
class SweepProgress {
 public:
  virtual ~SweepProgress() = default;
  virtual void tick(const SweepCounters& counters) = 0;
};

// How a sweep runs its replays: on up to `jobs` threads and, with a memory budget, only as many
// at once as their estimates fit in it beside the traces (memory_estimate.h).
struct SweepThreads {
  SweepThreads(unsigned jobs_ = 1, std::optional<std::uint64_t> max_memory = std::nullopt,
               bool max_memory_default = false)
      : jobs(jobs_), max_memory_bytes(max_memory), max_memory_is_default(max_memory_default) {}
  unsigned jobs = 1;
  std::optional<std::uint64_t> max_memory_bytes;
  bool max_memory_is_default = false;  // not given: a refusal says so
};

// Throws std::invalid_argument for a heap size that makes no heap, or a memory budget that one
// replay does not fit in (checked before any replay), TraceError for a trace the replay finds
// broken. With `replays`, also fills it with the replay of every cell run, in the order of the
// result's cells.
SweepResult run_sweep(const SweepSpec& spec, const std::vector<TraceEvents>& traces,
                      std::optional<Shard> shard, SweepThreads threads,
                      std::vector<CellReplay>* replays = nullptr,
                      SweepProgress* progress = nullptr);

// One cell's result from its replay.
CellResult make_cell(std::size_t index, const CellCoord& coord, const ReplayResult& replay);

}  // namespace gcsim::sweep
