// A sweep as JSON, schema "gcsim-sweep/2" (README "Sweeps"): the spec (traces, grid, goal and
// safety margin, cost model, K210 memory), the shard, every cell in index order with every
// metric of report/metrics.h at its dotted key, its safety margin and safety, the
// recommendations, the minimum heaps with their islands, and the gate with its settings.
// Key order is fixed, so the same sweep gives the same bytes whatever -j and however sharded
// and merged. sweep_json_read.h reads it back.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

inline constexpr std::string_view kSweepSchema = "gcsim-sweep/2";

nlohmann::ordered_json sweep_to_json(const SweepReport& report);

// The spec alone (traces, grid, cost_model, k210_memory): shards of one sweep have equal specs.
nlohmann::ordered_json spec_to_json(const SweepSpec& spec);

// The gate's settings: baseline, tolerance, budgets, allow_missing_baseline.
nlohmann::ordered_json gate_settings_json(const GateSettings& gate);

}  // namespace gcsim::sweep
