// The replay result as JSON, schema "gcsim-replay/1" (README "JSON output"): the trace, the
// geometry and settings used, the summary (every metric of metrics.h at its dotted key), the
// collection log, the failures, the device observations and the reader's warnings.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "replay/driver.h"

namespace gcsim {

nlohmann::ordered_json replay_to_json(const ReplayResult& result, const std::string& trace_path);

// Sets `value` at a dotted key ("collections.total") inside `object`.
void set_dotted(nlohmann::ordered_json& object, std::string_view key,
                const nlohmann::ordered_json& value);

}  // namespace gcsim
