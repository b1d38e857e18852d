// A sweep as JSON, schema "gcsim-sweep/1" (README "Sweeps"): the spec (traces, grid, cost
// model, K210 memory), the shard, every cell in index order with every metric of
// report/metrics.h at its dotted key, the recommendations, the minimum heaps and the gate.
// Key order is fixed, so the same sweep gives the same bytes whatever -j and however sharded
// and merged. sweep_json_read.h reads it back.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "sweep/sweep_report.h"

namespace gcsim::sweep {

inline constexpr std::string_view kSweepSchema = "gcsim-sweep/1";

nlohmann::ordered_json sweep_to_json(const SweepReport& report);

// The spec alone (traces, grid, cost_model, k210_memory): shards of one sweep have equal specs.
nlohmann::ordered_json spec_to_json(const SweepSpec& spec);

std::string_view decided_by_name(DecidedBy by);

}  // namespace gcsim::sweep
