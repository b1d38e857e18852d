#include "sweep/runner.h"

#include <algorithm>

#include "collector/trigger.h"
#include "report/svg/small_chart.h"
#include "sweep/memory_budget.h"
#include "sweep/min_heap.h"
#include "sweep/parallel.h"
#include "sweep/safety.h"

namespace gcsim::sweep {
namespace {

// The task numbers of `n` tasks a shard runs (all of them without a shard).
std::vector<std::size_t> tasks_of(std::size_t n, const std::optional<Shard>& shard) {
  std::vector<std::size_t> tasks;
  for (std::size_t i = 0; i < n; ++i) {
    if (!shard || shard->holds(i)) tasks.push_back(i);
  }
  return tasks;
}

void check_heap_sizes(const SweepSpec& spec) {
  for (const SweepTrace& trace : spec.traces) {
    for (const GridValue& heap : spec.heap_sizes) {
      GeometryParams g = trace.geometry;
      g.heap_bytes = resolve_heap_bytes(heap, g.heap_bytes);
      layout_for(g);
    }
  }
}

}  // namespace

CellResult make_cell(std::size_t index, const CellCoord& coord, const ReplayResult& replay) {
  CellResult cell;
  cell.index = index;
  cell.coord = coord;
  cell.threshold_requested = replay.settings.threshold_bytes;
  cell.threshold_effective =
      effective_threshold_bytes(replay.settings.threshold_bytes, replay.layout.params.block_bytes);
  cell.heap_bytes = replay.layout.params.heap_bytes;
  cell.pool_blocks = replay.layout.pool_blocks;
  cell.pool_bytes = replay.layout.pool_bytes;
  for (const Metric& m : replay_metrics()) cell.metrics.push_back(m.value(replay.summary));
  return cell;
}

SweepResult run_sweep(const SweepSpec& spec, const std::vector<TraceEvents>& traces,
                      std::optional<Shard> shard, SweepThreads threads,
                      std::vector<CellReplay>* replays, SweepProgress* progress) {
  check_heap_sizes(spec);
  if (spec.min_heap) check_min_heap_bounds(spec);
  const unsigned jobs = threads.jobs;
  SweepResult result{spec, shard, {}, {}};
  const GridShape shape = spec.shape();
  SweepCounters counters;
  const auto tick = [&] {
    if (progress) progress->tick(counters);
  };
  const auto after_wave = [&](std::uint32_t n_replays) {
    counters.scan_replays += n_replays;
    tick();
  };

  const std::vector<std::size_t> cells = tasks_of(shape.cells(), shard);
  const std::vector<std::size_t> searches =
      spec.min_heap ? tasks_of(spec.traces.size() * spec.thresholds.size(), shard)
                    : std::vector<std::size_t>{};
  const bool margins = !(spec.safety_margin == SafetyMargin{});
  counters.cells_total = cells.size();
  counters.margins_total = margins ? cells.size() : 0;
  counters.searches_total = searches.size();
  result.cells.resize(cells.size());
  if (replays) replays->assign(cells.size(), {});

  // Memory: every replay checked to fit before any runs; each phase then runs within it.
  const SweepMemory memory(spec, traces, threads, replays ? cells.size() : 0);
  const auto heap_of = [&](std::size_t slot) {
    const CellCoord c = shape.at(cells[slot]);
    return resolve_heap_bytes(spec.heap_sizes[c.heap], spec.traces[c.trace].geometry.heap_bytes);
  };
  const auto cell_bytes = [&](std::size_t slot) {
    return memory.replay_bytes(shape.at(cells[slot]).trace, heap_of(slot));
  };
  // A search replays waves of up to `search_jobs` heaps up to its bound at once.
  const unsigned search_jobs = static_cast<unsigned>(std::min<std::uint64_t>(jobs, kScanWave));
  const auto search_bytes = [&](std::size_t slot) {
    const std::size_t trace = searches[slot] / spec.thresholds.size();
    return memory.replay_bytes(trace, min_heap_bound(spec, spec.traces[trace]));
  };
  {  // The largest replay names what the budget must hold.
    std::uint64_t most = 0;
    std::pair<std::size_t, std::uint64_t> largest{0, 0};  // trace, heap bytes
    for (std::size_t slot = 0; slot < cells.size(); ++slot) {
      if (cell_bytes(slot) > most) {
        most = cell_bytes(slot);
        largest = {shape.at(cells[slot]).trace, heap_of(slot)};
      }
    }
    for (std::size_t slot = 0; slot < searches.size(); ++slot) {
      if (search_bytes(slot) > most) {
        most = search_bytes(slot);
        const std::size_t trace = searches[slot] / spec.thresholds.size();
        largest = {trace, min_heap_bound(spec, spec.traces[trace])};
      }
    }
    if (most > 0) memory.require_fits(largest.first, largest.second);
  }

  run_parallel_within(
      cells.size(), jobs, memory.replay_budget(), cell_bytes, [&](std::size_t slot) {
        const CellCoord c = shape.at(cells[slot]);
        const SweepTrace& trace = spec.traces[c.trace];
        const std::uint64_t heap_bytes = heap_of(slot);
        const ReplaySettings settings =
            cell_settings(trace, spec.thresholds[c.threshold], heap_bytes);
        const TraceEvents& t = traces[c.trace];
        if (!replays) {
          result.cells[slot] =
              make_cell(cells[slot], c, replay_events(t.events, t.header, settings, trace.file));
        } else {
          CellReplay& kept = (*replays)[slot];
          const ReplayResult replay =
              replay_events(t.events, t.header, settings, trace.file, &kept.curve);
          kept.summary = replay.summary;
          kept.pool_bytes = replay.layout.pool_bytes;
          kept.columns = EventColumns(replay, kSmallChartColumns);
          result.cells[slot] = make_cell(cells[slot], c, replay);
        }
        ++counters.cells_done;
        tick();
      });

  if (margins) {
    // A margin's replays are one at a time, on heaps no larger than its cell's.
    run_parallel_within(
        cells.size(), jobs, memory.replay_budget(), cell_bytes, [&](std::size_t slot) {
          CellResult& cell = result.cells[slot];
          const SweepTrace& trace = spec.traces[cell.coord.trace];
          const std::uint64_t margin_bytes = spec.safety_margin.bytes_below(cell.heap_bytes);
          if (count_of(cell, "failures.total") > 0) {
            cell.margin =
                MarginCheck{cell.heap_bytes > margin_bytes ? cell.heap_bytes - margin_bytes : 0,
                            false, std::nullopt, 0};
          } else {
            cell.margin =
                check_margin(trace, traces[cell.coord.trace], spec.thresholds[cell.coord.threshold],
                             cell.heap_bytes, margin_bytes, after_wave);
          }
          ++counters.margins_done;
          tick();
        });
  }

  result.min_heaps.resize(searches.size());
  // Searches side by side, each replaying its waves on every thread too, so that the cores stay
  // busy when one long search is left. A search's replays are the same for any thread count
  // (heap_scan.h), so the result does not depend on -j.
  // With a budget, a search's waves use as many threads as the budget holds of its replays.
  const auto wave_jobs = [&](std::size_t slot) {
    const std::uint64_t bytes = search_bytes(slot);
    return bytes == 0 ? search_jobs
                      : static_cast<unsigned>(std::clamp<std::uint64_t>(
                            memory.replay_budget() / bytes, 1, search_jobs));
  };
  run_parallel_within(
      searches.size(), jobs, memory.replay_budget(),
      [&](std::size_t slot) { return wave_jobs(slot) * search_bytes(slot); },
      [&](std::size_t slot) {
        const std::size_t index = searches[slot];
        const std::size_t trace = index / spec.thresholds.size();
        const std::size_t threshold = index % spec.thresholds.size();
        MinHeapResult& m = result.min_heaps[slot];
        m = find_min_heap(spec.traces[trace], traces[trace], spec.thresholds[threshold],
                          min_heap_bound(spec, spec.traces[trace]), wave_jobs(slot), after_wave);
        m.index = index;
        m.trace = trace;
        m.threshold = threshold;
        ++counters.searches_done;
        tick();
      });
  return result;
}

}  // namespace gcsim::sweep
