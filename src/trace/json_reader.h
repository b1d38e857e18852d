// The .json form: one document {"format", "version", ..., "events": [...]}, read with
// nlohmann's SAX parser straight from the file's bytes. Only the current event (or header
// value) is built; unknown top-level values are parsed and dropped. reader.h is the entry point.
#pragma once

#include <string>

#include "trace/gz_source.h"
#include "trace/reader.h"

namespace gcsim {

ReadResult read_json_trace(GzSource& source, const std::string& file, TraceSink& sink);

}  // namespace gcsim
