// Everything a sweep's reports print: the result, the recommendation per trace and, when a
// baseline or budgets were given, the gate. Built once, then handed to every writer (table,
// CSV, JSON, markdown, JUnit), which only format it; and the few figures several writers print
// alike (min-heap figures, the headline, collections by cause, the recommendation mark).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/gate.h"
#include "sweep/recommend.h"
#include "sweep/result.h"

namespace gcsim::sweep {

struct SweepReport {
  SweepResult result;
  std::vector<Recommendation> recommendations;
  std::optional<Gate> gate;
  std::vector<CellSafety> safety;  // one per cell of the result; none for a shard
};

// The report of a result: safety, recommendations and, with a gate input, the gate. Throws as
// run_gate does.
SweepReport make_report(SweepResult result, const std::optional<GateInput>& gate);

// What a minimum heap means next to the trace's preset: how far below its default heap and,
// for the k210 preset, the system heap left for KPU models (k210_memory.h).
struct MinHeapFigures {
  std::optional<std::int64_t> below_default_bytes;    // default heap − minimum heap
  std::optional<std::int64_t> kpu_left_at_min_bytes;  // k210 only
  std::optional<std::int64_t> kpu_left_at_default_bytes;
};
MinHeapFigures min_heap_figures(const SweepSpec& spec, const MinHeapResult& m);

// What several writers print the same way:
// "1 trace x 3 thresholds x 2 heap sizes = 6 cells" (and the shard's share).
std::string sweep_headline(const SweepResult& result);
// "est. GC ms: an estimate at 400 MHz, 64 cycles per block marked, …": the cost model in words.
std::string cost_model_note(const CostModel& cost);
// "2/1/0": a cell's collections by cause (threshold/oom/explicit).
std::string collections_by_cause(const CellResult& cell);
// "1/0/2": a cell's MemoryErrors by class (capacity/fragmentation/disabled).
std::string failures_by_class(const CellResult& cell);
// The recommendation mark of a cell: "*" best, "+" runner-up, "" neither.
std::string_view recommendation_mark(const SweepReport& report, std::size_t cell_index);
// A cell's safety in a word or two ("yes", "fails", "larger fails", "margin fails"); "" for a
// shard. `position` is the cell's position in report.result.cells.
std::string_view safety_word(const SweepReport& report, std::size_t position);
// "fragmentation 3, capacity 1": the classes of a failing run's first MemoryErrors.
std::string failure_classes_text(const FailureClassCounts& failures);
// "1,048,576 - 2,097,151": a run of heaps.
std::string heap_run_text(const HeapRun& run);
// The line under the minimum heaps: how they were searched.
std::string min_heap_method_note();
// Islands shown per search in the table and markdown (JSON has them all).
inline constexpr std::size_t kIslandsShown = 12;

}  // namespace gcsim::sweep
