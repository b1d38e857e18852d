// Reads a sweep's JSON (schema "gcsim-sweep/2", sweep_json.h) back into a SweepResult: for
// `gcsim merge` (shards) and for --baseline. Safety, recommendations and the gate's checks are
// not read: they are recomputed from the cells; the gate's settings are, for merge to compare.
// Errors name the file and the place:
//   "base.json: cells[3]: no 'collections.oom'", "x.json: schema is 'gcsim-replay/1', want ...".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include <optional>

#include "sweep/gate.h"
#include "sweep/result.h"

namespace gcsim::sweep {

struct SweepFile {
  SweepResult result;
  std::optional<GateSettings> gate;  // what the run that wrote it gated with, if it did
};

// Throws std::runtime_error.
SweepResult read_sweep_json(const std::string& path);
SweepResult sweep_from_json(const nlohmann::json& doc, const std::string& file);
SweepFile read_sweep_file(const std::string& path);
SweepFile sweep_file_from_json(const nlohmann::json& doc, const std::string& file);

}  // namespace gcsim::sweep
