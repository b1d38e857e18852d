// The .jsonl form: the header object on the first non-blank line, then one event object a line;
// blank lines are skipped but counted. reader.h is the entry point.
#pragma once

#include <string>

#include "trace/gz_source.h"
#include "trace/reader.h"

namespace gcsim {

ReadResult read_jsonl_trace(GzSource& source, const std::string& file, TraceSink& sink);

}  // namespace gcsim
