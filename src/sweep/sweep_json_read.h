// Reads a sweep's JSON (schema "gcsim-sweep/1", sweep_json.h) back into a SweepResult: for
// `gcsim merge` (shards) and for --baseline. Recommendations and the gate are not read: they
// are recomputed from the cells. Errors name the file and the place:
//   "base.json: cells[3]: no 'collections.oom'", "x.json: schema is 'gcsim-replay/1', want ...".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sweep/result.h"

namespace gcsim::sweep {

// Throws std::runtime_error.
SweepResult read_sweep_json(const std::string& path);
SweepResult sweep_from_json(const nlohmann::json& doc, const std::string& file);

}  // namespace gcsim::sweep
