// A sweep's --max-memory: what is left for replays once the process, the traces and (with
// --html) every cell's kept curve and counts are counted, and each replay's share of it, from the
// estimates of memory_estimate.h. The runner schedules each phase's replays within it
// (parallel.h), so a tight budget runs fewer at once than -j; a budget too small for one replay
// is refused before any runs.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sweep/memory_estimate.h"

namespace gcsim::sweep {

class SweepMemory {
 public:
  // `kept_cells`: the cells kept after their replay for the page (0 without --html).
  SweepMemory(const SweepSpec& spec, const std::vector<TraceEvents>& traces,
              const SweepThreads& threads, std::size_t kept_cells);

  // The bytes replays may take together (no limit: UINT64_MAX).
  std::uint64_t replay_budget() const { return replay_budget_; }
  // One replay of trace `trace` on a heap of `heap_bytes` (0 without a limit).
  std::uint64_t replay_bytes(std::size_t trace, std::uint64_t heap_bytes) const;
  // Throws std::invalid_argument, naming the budget and what it would take, when that replay
  // does not fit on its own.
  void require_fits(std::size_t trace, std::uint64_t heap_bytes) const;

 private:
  const SweepSpec& spec_;
  std::optional<std::uint64_t> max_memory_bytes_;
  bool is_default_;
  bool keeps_cells_;
  std::vector<TraceFootprint> traces_;
  std::uint64_t fixed_bytes_ = 0;  // the process, the traces, the kept cells
  std::uint64_t replay_budget_ = UINT64_MAX;
};

}  // namespace gcsim::sweep
