#include "trace/format.h"

#include "trace/trace_error.h"

namespace gcsim {

TraceFileKind trace_file_kind(const std::string& path) {
  if (path == "-") return TraceFileKind::jsonl;  // stdin or stdout: the streaming form
  for (std::string_view ending : {".jsonl", ".jsonl.gz"}) {
    if (path.ends_with(ending)) return TraceFileKind::jsonl;
  }
  for (std::string_view ending : {".json", ".json.gz"}) {
    if (path.ends_with(ending)) return TraceFileKind::json;
  }
  throw TraceError({.file = path,
                    .rule = "unknown-extension",
                    .detail = "a trace file ends in .json, .jsonl, .json.gz or .jsonl.gz"});
}

}  // namespace gcsim
