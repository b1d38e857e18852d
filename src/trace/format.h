// The trace format's names (spec/trace-format.md, version 1): the `format` string and version a
// header must carry, the header's fields, and which of the two file forms a path names.
//
// Per-event rules live in validator.h; reading files in reader.h; writing in writer.h.
#pragma once

#include <string>
#include <string_view>

namespace gcsim {

inline constexpr std::string_view kFormatName = "gcsim-trace";
inline constexpr int kFormatVersion = 1;

// The header's known fields. Unknown top-level keys are accepted and ignored (forward
// compatible), so they have no place here. An empty string means the key was absent.
struct TraceHeader {
  int version = kFormatVersion;
  std::string name;
  std::string description;
  std::string geometry;  // a preset name; a hint, the command line wins

  bool operator==(const TraceHeader&) const = default;
};

// `.json`: one document with an `events` array. `.jsonl`: a header line, then one event a line.
// Either may be gzipped (`.json.gz`, `.jsonl.gz`); the reader decompresses both the same way.
enum class TraceFileKind { json, jsonl };

// The kind named by the file's ending (lowercase). Throws TraceError, rule
// "unknown-extension", naming the file and the accepted endings for anything else.
TraceFileKind trace_file_kind(const std::string& path);

}  // namespace gcsim
