#include "sweep/sweep_json.h"

#include "report/replay_json.h"

namespace gcsim::sweep {

using ordered_json = nlohmann::ordered_json;

namespace {

ordered_json optional_json(const std::optional<std::int64_t>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json traces_json(const SweepSpec& spec) {
  ordered_json out = ordered_json::array();
  for (const SweepTrace& t : spec.traces) {
    const GeometryParams& g = t.geometry;
    out.push_back({{"name", t.name},
                   {"file", t.file},
                   {"events", t.events},
                   {"warnings", t.warnings},
                   {"preset", t.preset},
                   {"geometry",
                    {{"rules", rules_name(g.rules)},
                     {"word_bytes", g.word_bytes},
                     {"block_bytes", g.block_bytes},
                     {"finaliser", g.finaliser},
                     {"start_offset", g.start_offset}}},
                   {"default_heap_bytes", g.heap_bytes},
                   {"default_threshold", t.port_threshold_bytes}});
  }
  return out;
}

ordered_json labels(const std::vector<GridValue>& values) {
  ordered_json out = ordered_json::array();
  for (const GridValue& v : values) out.push_back(v.label());
  return out;
}

ordered_json margin_json(const std::optional<MarginCheck>& m) {
  if (!m) return nullptr;
  return {{"from_bytes", m->from_bytes},
          {"holds", m->holds},
          {"fails_at_bytes",
           m->fails_at_bytes ? ordered_json(*m->fails_at_bytes) : ordered_json(nullptr)},
          {"replays", m->replays}};
}

ordered_json cell_json(const SweepSpec& spec, const CellResult& c, const CellSafety* safety) {
  ordered_json out = {{"index", c.index},
                      {"trace", spec.traces[c.coord.trace].name},
                      {"threshold", spec.thresholds[c.coord.threshold].label()},
                      {"heap", spec.heap_sizes[c.coord.heap].label()},
                      {"threshold_requested", c.threshold_requested},
                      {"threshold_effective", c.threshold_effective},
                      {"heap_bytes", c.heap_bytes},
                      {"pool_blocks", c.pool_blocks},
                      {"pool_bytes", c.pool_bytes}};
  const auto metrics = replay_metrics();
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    std::visit([&](auto v) { set_dotted(out, metrics[i].key, v); }, c.metrics[i]);
  }
  const std::uint64_t cycles = gc_cycles(spec, c);
  out["gc_cycles"] = cycles;
  out["gc_time_ms"] = spec.cost.milliseconds(cycles);
  out["margin"] = margin_json(c.margin);
  out["safety"] = safety ? ordered_json(safety_name(safety->safety)) : ordered_json(nullptr);
  return out;
}

ordered_json cell_ref(const SweepResult& r, std::size_t index) {
  const CellResult& c = cell_with_index(r, index);
  return {{"cell", c.index},
          {"threshold", r.spec.thresholds[c.coord.threshold].label()},
          {"heap", r.spec.heap_sizes[c.coord.heap].label()},
          {"threshold_requested", c.threshold_requested},
          {"heap_bytes", c.heap_bytes}};
}

ordered_json recommendations_json(const SweepReport& report) {
  ordered_json out = ordered_json::array();
  const SweepSpec& spec = report.result.spec;
  for (const Recommendation& rec : report.recommendations) {
    ordered_json cost = nullptr;
    if (rec.runner_up_cost) {
      const RunnerUpCost& c = *rec.runner_up_cost;
      cost = {{"heap_bytes", c.heap_bytes},
              {"kpu_bytes", c.kpu_bytes ? ordered_json(*c.kpu_bytes) : ordered_json(nullptr)},
              {"gc_ms", c.gc_ms}};
    }
    out.push_back({{"trace", spec.traces[rec.trace].name},
                   {"rule", recommendation_rule(spec)},
                   {"safe", rec.safe},
                   {"best", cell_ref(report.result, rec.best)},
                   {"runner_up", rec.runner_up ? cell_ref(report.result, *rec.runner_up)
                                               : ordered_json(nullptr)},
                   {"decided_by", decided_by_name(rec.decided_by)},
                   {"reason", rec.reason},
                   {"runner_up_cost", cost}});
  }
  return out;
}

ordered_json failures_json(const FailureClassCounts& f) {
  return {{"capacity", f.capacity}, {"fragmentation", f.fragmentation}, {"disabled", f.disabled}};
}

ordered_json min_heap_json(const SweepResult& r) {
  ordered_json out = ordered_json::array();
  for (const MinHeapResult& m : r.min_heaps) {
    const MinHeapFigures f = min_heap_figures(r.spec, m);
    ordered_json islands = ordered_json::array();
    for (const HeapRun& run : m.islands) {
      islands.push_back({{"from_bytes", run.from_bytes},
                         {"to_bytes", run.to_bytes},
                         {"passes", run.passes},
                         {"failures", failures_json(run.failures)}});
    }
    out.push_back(
        {{"index", m.index},
         {"trace", r.spec.traces[m.trace].name},
         {"threshold", r.spec.thresholds[m.threshold].label()},
         {"heap_bytes", m.heap_bytes ? ordered_json(*m.heap_bytes) : ordered_json(nullptr)},
         {"pool_blocks", m.pool_blocks},
         {"smallest_passing_bytes", m.smallest_passing_bytes
                                        ? ordered_json(*m.smallest_passing_bytes)
                                        : ordered_json(nullptr)},
         {"searched_from_bytes", m.searched_from_bytes},
         {"searched_to_bytes", m.searched_to_bytes},
         {"replays", m.replays},
         {"islands", islands},
         {"below_default_bytes", optional_json(f.below_default_bytes)},
         {"kpu_bytes_left", optional_json(f.kpu_left_at_min_bytes)},
         {"kpu_bytes_left_at_default", optional_json(f.kpu_left_at_default_bytes)}});
  }
  return out;
}

ordered_json gate_json(const SweepReport& report) {
  if (!report.gate) return nullptr;
  const Gate& g = *report.gate;
  const SweepResult& r = report.result;
  ordered_json checks = ordered_json::array();
  for (const Check& c : g.checks) {
    ordered_json setting = nullptr;
    if (c.cell) setting = setting_name(r.spec, cell_with_index(r, *c.cell));
    checks.push_back({{"cell", c.cell ? ordered_json(*c.cell) : ordered_json(nullptr)},
                      {"trace", r.spec.traces[c.trace].name},
                      {"setting", setting},
                      {"check", c.name},
                      {"status", status_name(c.status)},
                      {"message", c.message}});
  }
  ordered_json out = gate_settings_json(g.settings);
  out["baseline_missing"] = g.baseline_missing;
  out["passed"] = g.passed();
  out["errors"] = g.errors;
  out["checks_total"] = g.checks.size();
  out["failed"] = g.count(CheckStatus::failed);
  out["skipped"] = g.count(CheckStatus::skipped);
  out["checks"] = checks;
  return out;
}

}  // namespace

ordered_json gate_settings_json(const GateSettings& g) {
  ordered_json budgets = ordered_json::object();
  for (const auto& [name, budget] : g.budgets) {
    ordered_json fields = ordered_json::object();
    for (const BudgetField& f : budget_fields()) {
      if (budget.*f.field) fields[std::string(f.key)] = *(budget.*f.field);
    }
    budgets[name] = fields;
  }
  return {{"baseline", g.baseline_file ? ordered_json(*g.baseline_file) : ordered_json(nullptr)},
          {"tolerance", g.tolerance},
          {"budgets", budgets},
          {"allow_missing_baseline", g.allow_missing_baseline}};
}

ordered_json spec_to_json(const SweepSpec& spec) {
  return {{"traces", traces_json(spec)},
          {"grid",
           {{"order", "trace, heap size, threshold"},
            {"thresholds", labels(spec.thresholds)},
            {"heap_sizes", labels(spec.heap_sizes)},
            {"min_heap", spec.min_heap},
            {"min_heap_to",
             spec.min_heap_to ? ordered_json(*spec.min_heap_to) : ordered_json(nullptr)}}},
          {"recommendation",
           {{"prefer", prefer_name(spec.prefer)}, {"safety_margin", spec.safety_margin.label()}}},
          {"cost_model",
           {{"cpu_mhz", spec.cost.cpu_mhz},
            {"cycles_per_block_marked", spec.cost.cycles_per_block_marked},
            {"cycles_per_block_swept", spec.cost.cycles_per_block_swept},
            {"cycles_per_collection", spec.cost.cycles_per_collection}}},
          {"k210_memory",
           {{"sram_bytes", spec.k210.sram_bytes},
            {"firmware_bytes", spec.k210.firmware_bytes},
            {"camera_bytes", spec.k210.camera_bytes},
            {"lcd_bytes", spec.k210.lcd_bytes}}}};
}

ordered_json sweep_to_json(const SweepReport& report) {
  const SweepResult& r = report.result;
  ordered_json out;
  out["schema"] = kSweepSchema;
  const ordered_json spec = spec_to_json(r.spec);
  for (const auto& [key, value] : spec.items()) out[key] = value;
  out["shard"] = r.shard ? ordered_json{{"index", r.shard->index}, {"count", r.shard->count}}
                         : ordered_json(nullptr);
  out["cells_total"] = r.spec.shape().cells();
  ordered_json cells = ordered_json::array();
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    cells.push_back(
        cell_json(r.spec, r.cells[i], report.safety.empty() ? nullptr : &report.safety[i]));
  }
  out["cells"] = cells;
  out["recommendations"] = recommendations_json(report);
  out["min_heap"] = min_heap_json(r);
  out["gate"] = gate_json(report);
  return out;
}

}  // namespace gcsim::sweep
