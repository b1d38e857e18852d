#include "sweep/command.h"

#include <fmt/format.h>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "sweep/merge.h"
#include "sweep/parallel.h"
#include "sweep/sweep_json_read.h"
#include "sweep/tolerance.h"
#include "text/byte_size.h"
#include "text/quote.h"
#include "trace/reader.h"

namespace gcsim::sweep {
namespace {

[[noreturn]] void bad(std::string_view place, std::string_view what) {
  throw std::invalid_argument(fmt::format("{}: {}", place, what));
}

// A value from the flag, else from the config; errors name where it came from.
template <typename T, typename Parse>
std::optional<T> flag_or_config(const std::optional<std::string>& flag, std::string_view flag_name,
                                const std::optional<std::string>& from_config,
                                const std::string& config_place, Parse parse) {
  const std::optional<std::string>& text = flag ? flag : from_config;
  if (!text) return std::nullopt;
  try {
    return parse(*text);
  } catch (const std::invalid_argument& e) {
    bad(flag ? std::string(flag_name) : config_place, e.what());
  }
}

// The gate's settings: the flags', else the config's (baseline and tolerance unless
// --no-baseline), with the config's budgets. None without a baseline or budgets.
std::optional<GateInput> gate_of(const GateRequest& request, const SweepConfig& config,
                                 const std::string& config_place) {
  GateSettings s;
  s.baseline_file = request.baseline;
  s.tolerance = request.tolerance.value_or("");
  if (!request.no_baseline) {
    if (!s.baseline_file) s.baseline_file = config.baseline;
    if (!request.tolerance) s.tolerance = config.tolerance.value_or("");
  }
  s.budgets = config.budgets;
  s.allow_missing_baseline = request.allow_missing_baseline;
  // Errors in the tolerance name where it came from: the flag, or the config's key.
  const std::string tolerance_place =
      request.tolerance ? std::string("--tolerance") : config_place + "tolerance";
  if (!s.tolerance.empty() && !s.baseline_file) {
    bad(tolerance_place, "needs a baseline (--baseline, or the config's baseline) to compare with");
  }
  try {
    Tolerances::parse(s.tolerance);
  } catch (const std::invalid_argument& e) {
    bad(tolerance_place, e.what());
  }
  if (!s.baseline_file && s.budgets.empty()) return std::nullopt;
  return read_gate_input(std::move(s));
}

// A trace's events in memory, refused past --max-events before they are all read.
class EventCollector final : public TraceSink {
 public:
  EventCollector(const std::string& file, const ReplayLimits& limits, TraceEvents& out)
      : file_(file), limits_(limits), out_(out) {}
  void on_header(const TraceHeader&) override {}
  void on_event(const Event& event, const EventPosition& position) override {
    check_event_limit(limits_, file_, position);
    out_.events.push_back(event);
  }

 private:
  const std::string& file_;
  const ReplayLimits& limits_;
  TraceEvents& out_;
};

std::string describe(const std::optional<GateSettings>& g) {
  if (!g) return "no gate";
  std::string text = g->baseline_file ? "baseline " + *g->baseline_file : "no baseline";
  if (!g->tolerance.empty()) text += ", tolerance " + g->tolerance;
  if (!g->budgets.empty()) {
    text += ", budgets for";
    for (const auto& [name, budget] : g->budgets) text += " " + name;
  }
  if (g->allow_missing_baseline) text += ", --allow-missing-baseline";
  return text;
}

}  // namespace

SweepPlan plan_sweep(const SweepRequest& request) {
  SweepConfig config;
  if (request.config) config = read_sweep_config(*request.config);
  const std::string place = request.config.value_or("") + ": ";
  SweepPlan plan;
  plan.traces = request.traces.empty() ? config.traces : request.traces;
  if (plan.traces.empty()) bad("sweep", "no traces: name them, or give a --config that does");
  // Before any is read: a config listing one trace 200,000 times would load it that often.
  std::set<std::string_view> given;
  for (const std::string& trace : plan.traces) {
    if (!given.insert(trace).second) {
      bad(trace, "given twice; a sweep names cells by trace, so each trace is given once");
    }
  }
  plan.preset = config.preset;
  if (config.preset && !find_preset(*config.preset)) {
    bad(place + "preset",
        fmt::format("unknown preset {} (presets: {})", quote(*config.preset), preset_names()));
  }
  const auto list = [](GridAxis axis) {
    return [axis](const std::string& text) {
      try {
        return parse_grid_list(text, axis);
      } catch (const GridError& e) {
        throw std::invalid_argument(e.what());
      }
    };
  };
  plan.spec.thresholds =
      flag_or_config<std::vector<GridValue>>(request.thresholds, "--thresholds", config.thresholds,
                                             place + "thresholds", list(GridAxis::threshold))
          .value_or(std::vector<GridValue>{{GridKind::port, 0}});
  plan.spec.heap_sizes =
      flag_or_config<std::vector<GridValue>>(request.heap_sizes, "--heap-sizes", config.heap_sizes,
                                             place + "heap_sizes", list(GridAxis::heap_size))
          .value_or(std::vector<GridValue>{{GridKind::port, 0}});
  plan.spec.cost = request.cost;
  plan.spec.k210 = request.k210;
  plan.spec.min_heap = request.min_heap || config.min_heap.value_or(false);
  plan.spec.min_heap_to = flag_or_config<std::uint64_t>(
      request.min_heap_to, "--min-heap-to", config.min_heap_to, place + "min_heap_to",
      [](const std::string& text) {
        const std::optional<std::uint64_t> bytes = parse_byte_size(text);
        if (!bytes || *bytes == 0 || *bytes > kMaxHeapBytes) {
          throw std::invalid_argument(fmt::format("{} is not a heap size", quote(text)));
        }
        return *bytes;
      });
  plan.spec.prefer = flag_or_config<Prefer>(request.prefer, "--prefer", config.prefer,
                                            place + "prefer", parse_prefer)
                         .value_or(Prefer::heap);
  plan.spec.safety_margin =
      flag_or_config<SafetyMargin>(request.safety_margin, "--safety-margin", config.safety_margin,
                                   place + "safety_margin", parse_safety_margin)
          .value_or(SafetyMargin{});
  if (request.shard) {
    try {
      plan.shard = parse_shard(*request.shard);
    } catch (const std::invalid_argument& e) {
      bad("--shard", e.what());
    }
  }
  plan.gate = gate_of(request.gate, config, place);
  plan.limits = request.limits;
  plan.threads = {request.jobs, request.max_memory_bytes, request.max_memory_is_default};
  return plan;
}

std::vector<TraceEvents> load_traces(SweepPlan& plan, const SetupForTrace& setup) {
  std::vector<TraceEvents> loaded(plan.traces.size());
  std::vector<std::vector<std::string>> warnings(plan.traces.size());
  run_parallel(plan.traces.size(), plan.threads.jobs, [&](std::size_t i) {
    EventCollector collector(plan.traces[i], plan.limits, loaded[i]);
    ReadResult read = read_trace(plan.traces[i], collector);
    loaded[i].header = std::move(read.header);
    for (TraceWarning& w : read.warnings) warnings[i].push_back(std::move(w.message));
  });
  plan.spec.traces.clear();
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    const TraceHeader& h = loaded[i].header;
    TraceSetup s = setup(h);
    plan.spec.traces.push_back({trace_name(h, plan.traces[i]), plan.traces[i],
                                loaded[i].events.size(), std::move(s.preset), s.geometry,
                                s.port_threshold_bytes, plan.limits, std::move(warnings[i])});
  }
  check_trace_names(plan.spec.traces);
  resolve_port_items(plan.spec);
  if (plan.gate) check_budget_names(plan.gate->settings.budgets, plan.spec.traces);
  return loaded;
}

SweepRun run_plan(const SweepPlan& plan, const std::vector<TraceEvents>& traces, bool keep_replays,
                  SweepProgress* progress) {
  SweepRun run;
  SweepResult result = run_sweep(plan.spec, traces, plan.shard, plan.threads,
                                 keep_replays ? &run.replays : nullptr, progress);
  run.report = make_report(std::move(result), plan.gate);
  return run;
}

SweepReport run_merge(const MergeRequest& request) {
  SweepConfig config;
  if (request.config) config = read_sweep_config(*request.config);
  const std::optional<GateInput> gate =
      gate_of(request.gate, config, request.config.value_or("") + ": ");
  std::vector<ShardFile> shards;
  for (const std::string& file : request.shards) {
    SweepFile read = read_sweep_file(file);
    shards.push_back({file, std::move(read.result), std::move(read.gate)});
  }
  // The shards agree among themselves (merge_shards); this merge must gate as they did.
  if (!shards.empty() && shards.front().gate) {
    const std::optional<GateSettings> mine =
        gate ? std::optional<GateSettings>(gate->settings) : std::nullopt;
    if (mine != shards.front().gate) {
      throw std::invalid_argument(fmt::format(
          "{} was gated with {}, this merge with {}: merge with the same --config (or --baseline, "
          "--tolerance)",
          shards.front().file, describe(shards.front().gate), describe(mine)));
    }
  }
  SweepResult merged = merge_shards(std::move(shards));
  if (gate) check_budget_names(gate->settings.budgets, merged.spec.traces);
  return make_report(std::move(merged), gate);
}

std::optional<std::string> gate_failure(const SweepReport& report) {
  if (!report.gate || report.gate->passed()) return std::nullopt;
  return "gate failed: " + report.gate->failure_line(report.result);
}

}  // namespace gcsim::sweep
