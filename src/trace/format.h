// The trace format's names (docs/trace-format.md, version 1): the `format` string and version a
// header must carry, the header's fields, and which of the two file forms a path names.
//
// Per-event rules live in validator.h; reading files in reader.h; writing in writer.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gcsim {

inline constexpr std::string_view kFormatName = "gcsim-trace";
inline constexpr int kFormatVersion = 1;

// How a recorder made the trace (the header's `recorded` object), which says where its
// liveness holds:
//   "every-allocation"  a liveness pass (or a collection) before every allocation: each
//                       object's death is known to within one allocation, so the trace holds
//                       at every heap size and threshold (gcsim record; a log made with
//                       gc.threshold(0))
//   "every-n"           the same before every `liveness_every`-th allocation only
//   "collections"       only the recorded run's own collections found garbage (an ordinary
//                       debug log): the trace holds at the recorded heap and threshold only,
//                       which replays use unless told otherwise
struct RecordedSetting {
  std::string liveness;
  std::uint64_t liveness_every = 1;
  std::uint64_t heap_bytes = 0;           // the recording's GC heap, as gc_init got it
  std::uint64_t start_offset = 0;         // its start modulo the block size
  std::optional<std::int64_t> threshold;  // gc.threshold() bytes at the start, −1 off; unknown

  bool operator==(const RecordedSetting&) const = default;
};

inline constexpr std::string_view kLivenessEveryAllocation = "every-allocation";
inline constexpr std::string_view kLivenessEveryN = "every-n";
inline constexpr std::string_view kLivenessCollections = "collections";

// The header's known fields. Unknown top-level keys are accepted and ignored (forward
// compatible), so they have no place here. An empty string means the key was absent.
struct TraceHeader {
  int version = kFormatVersion;
  std::string name;
  std::string description;
  std::string geometry;  // a preset name; a hint, the command line wins
  std::optional<RecordedSetting> recorded;

  bool operator==(const TraceHeader&) const = default;
};

// `.json`: one document with an `events` array. `.jsonl`: a header line, then one event a line.
// Either may be gzipped (`.json.gz`, `.jsonl.gz`); the reader decompresses both the same way.
enum class TraceFileKind { json, jsonl };

// The kind named by the file's ending (lowercase). Throws TraceError, rule
// "unknown-extension", naming the file and the accepted endings for anything else.
TraceFileKind trace_file_kind(const std::string& path);

}  // namespace gcsim
