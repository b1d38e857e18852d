// What defines a sweep: its traces (with the preset and geometry each replays on), the grid's
// two lists, the cost model, the K210 memory figures and whether minimum heaps are searched.
// Shards of one sweep carry equal specs; `gcsim merge` checks that.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  std::vector<std::string> warnings = {};  // the reader's: a trace cut short ("FILE:LINE: what")
};

// What the recommendation (recommend.h) puts first after safety: the smallest heap (the K210's
// goal: every byte of GC heap is taken from the KPU's system heap), the least estimated GC
// time, or the largest lowest free run.
enum class Prefer : std::uint8_t { heap, gc_time, free_run };
std::string_view prefer_name(Prefer prefer);  // "heap", "gc-time", "free-run"
// Throws std::invalid_argument naming the choices.
Prefer parse_prefer(std::string_view text);

// How far below its heap a setting must still replay with no MemoryError to count as safe:
// bytes, or a percentage of the cell's heap (recommend.h).
struct SafetyMargin {
  std::uint64_t n_bytes = 0;
  double percent = 0;  // used when above 0

  std::uint64_t bytes_below(std::uint64_t heap_bytes) const;
  std::string label() const;  // "0", "4096", "10%"
  bool operator==(const SafetyMargin&) const = default;
};
// "4096", "4K", "10%", "12.5%". Throws std::invalid_argument.
SafetyMargin parse_safety_margin(std::string_view text);

struct SweepSpec {
  std::vector<SweepTrace> traces;
  std::vector<GridValue> thresholds;
  std::vector<GridValue> heap_sizes;
  CostModel cost;
  K210Memory k210;
  bool min_heap = false;
  std::optional<std::uint64_t> min_heap_to;  // the search bound; none: min_heap.h's default
  Prefer prefer = Prefer::heap;
  SafetyMargin safety_margin;

  GridShape shape() const { return {traces.size(), heap_sizes.size(), thresholds.size()}; }
};

// The name a trace goes by in a sweep: the header's `name`, else the file name without its
// folder and its .json/.jsonl/.gz endings.
std::string trace_name(const TraceHeader& header, const std::string& file);

// Throws std::invalid_argument when two traces go by one name (cells, baselines and budgets
// name their trace by it).
void check_trace_names(const std::vector<SweepTrace>& traces);

// `port` in a grid list becomes the value it stands for when every trace's preset gives it the
// same one ("off" or bytes), and an item that then repeats an earlier one is dropped: on the
// k210, `port,off` is one threshold and `port,512K` one heap size. With traces of presets that
// differ, `port` stays (it is resolved per trace). Call once the traces are known.
void resolve_port_items(SweepSpec& spec);

// The replay settings of a trace with a threshold at a heap size; the threshold is resolved on
// that heap's layout. Throws std::invalid_argument for a heap size that makes no heap.
ReplaySettings cell_settings(const SweepTrace& trace, const GridValue& threshold,
                             std::uint64_t heap_bytes);

}  // namespace gcsim::sweep
