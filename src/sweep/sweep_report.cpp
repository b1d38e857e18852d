#include "sweep/sweep_report.h"

#include <fmt/format.h>

#include "text/number_format.h"

namespace gcsim::sweep {

SweepReport make_report(SweepResult result, const std::optional<GateInput>& gate) {
  SweepReport report;
  report.safety = cell_safety(result);
  report.recommendations = recommend(result, report.safety);
  if (gate) report.gate = run_gate(result, *gate);
  report.result = std::move(result);
  return report;
}

MinHeapFigures min_heap_figures(const SweepSpec& spec, const MinHeapResult& m) {
  MinHeapFigures f;
  const SweepTrace& trace = spec.traces[m.trace];
  const std::uint64_t default_heap = trace.geometry.heap_bytes;
  if (m.heap_bytes) {
    f.below_default_bytes =
        static_cast<std::int64_t>(default_heap) - static_cast<std::int64_t>(*m.heap_bytes);
  }
  if (trace.preset == "k210") {
    if (m.heap_bytes) f.kpu_left_at_min_bytes = spec.k210.kpu_bytes_left(*m.heap_bytes);
    f.kpu_left_at_default_bytes = spec.k210.kpu_bytes_left(default_heap);
  }
  return f;
}

std::string sweep_headline(const SweepResult& r) {
  const GridShape s = r.spec.shape();
  std::string line =
      fmt::format("{} x {} x {} = {}", plural(s.traces, "trace", "traces"),
                  plural(s.thresholds, "threshold", "thresholds"),
                  plural(s.heaps, "heap size", "heap sizes"), plural(s.cells(), "cell", "cells"));
  if (r.shard) {
    line += fmt::format("; shard {}: {} of them", r.shard->text(),
                        grouped(std::uint64_t{r.cells.size()}));
  }
  return line;
}

std::string cost_model_note(const CostModel& cost) {
  return fmt::format(
      "est. GC ms: an estimate at {} MHz, {} cycles per block marked, {} per block swept, {} per "
      "collection",
      cost.cpu_mhz, cost.cycles_per_block_marked, cost.cycles_per_block_swept,
      grouped(std::uint64_t{cost.cycles_per_collection}));
}

std::string collections_by_cause(const CellResult& c) {
  return fmt::format("{}/{}/{}", grouped(count_of(c, "collections.threshold")),
                     grouped(count_of(c, "collections.oom")),
                     grouped(count_of(c, "collections.explicit")));
}

std::string failures_by_class(const CellResult& c) {
  return fmt::format("{}/{}/{}", grouped(count_of(c, "failures.capacity")),
                     grouped(count_of(c, "failures.fragmentation")),
                     grouped(count_of(c, "failures.disabled")));
}

std::string_view recommendation_mark(const SweepReport& report, std::size_t cell_index) {
  for (const Recommendation& rec : report.recommendations) {
    if (rec.best == cell_index) return "*";
    if (rec.runner_up == cell_index) return "+";
  }
  return "";
}

std::string_view safety_word(const SweepReport& report, std::size_t position) {
  if (report.safety.empty()) return "";
  switch (report.safety[position].safety) {
    case Safety::fails:
      return "fails";
    case Safety::larger_heap_fails:
      return "larger fails";
    case Safety::margin_fails:
      return "margin fails";
    case Safety::safe:
      break;
  }
  return "yes";
}

std::string failure_classes_text(const FailureClassCounts& f) {
  std::string out;
  for (const auto& [name, n] : {std::pair<std::string_view, std::uint32_t>{"capacity", f.capacity},
                                {"fragmentation", f.fragmentation},
                                {"disabled", f.disabled}}) {
    if (n == 0) continue;
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, grouped(std::uint64_t{n}));
  }
  return out;
}

std::string heap_run_text(const HeapRun& run) {
  if (run.from_bytes == run.to_bytes) return grouped(run.from_bytes);
  return fmt::format("{} - {}", grouped(run.from_bytes), grouped(run.to_bytes));
}

std::string min_heap_method_note() {
  return "every heap size tried from the bound down, one pool per ATB byte (4 blocks), until "
         "what the trace keeps at a collection rules out the smaller ones; failure classes count "
         "heaps by their first MemoryError";
}

}  // namespace gcsim::sweep
