// The .jsonl form: the header object on the first non-blank line, then one event object a line;
// blank lines are skipped but counted. reader.h is the entry point; `parser` picks how event
// lines are parsed (event_line.h): both give the same events and errors, the fast one sooner.
#pragma once

#include <string>

#include "trace/event_line.h"
#include "trace/gz_source.h"
#include "trace/reader.h"

namespace gcsim {

ReadResult read_jsonl_trace(GzSource& source, const std::string& file, TraceSink& sink,
                            EventParser parser = EventParser::fast);

}  // namespace gcsim
