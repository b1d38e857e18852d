// Reads a trace file (.json, .jsonl, either gzipped) as a stream: the header, then each event
// checked by validator.h and handed to a TraceSink as soon as its object closes. Memory holds
// one event (or one .jsonl line, at most kMaxLineBytes) and a 64 KiB buffer, whatever the
// file's size.
//
// Errors are TraceError (trace_error.h) naming the file as given, the event index and the line
// when known, and one rule:
//
//   missing-file, unreadable-file   cannot open or read the file (incl. corrupt gzip data)
//   unknown-extension               not .json, .jsonl, .json.gz or .jsonl.gz
//   empty-file                      nothing but whitespace (after an optional UTF-8 BOM)
//   not-json                        a syntax error (NaN and Infinity included), with
//                                   nlohmann's reason
//   duplicate-key                   a key twice in one event or in the header
//   bad-header                      see validator.h; also a .json without an `events` array,
//                                   `format`/`version` after `events` (a stream cannot go
//                                   back), a known header key after `events`, or a .jsonl
//                                   header holding `events`
//   line-too-long                   a .jsonl line over kMaxLineBytes (not read into memory)
//   the validator's rules           unknown-op, missing-field, wrong-type, out-of-range (also
//                                   a number beyond a double, 1e400), ...
//
// Lines: a .jsonl event's own line; a .json event's line is where its `{` stands, and a .json
// syntax error's is where parsing stopped. Warnings, not errors: a truncated last .jsonl line
// (no newline at the end, not JSON: a recorder that died), whose events before it are
// delivered, and a gzip stream cut short (read as far as it goes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trace/event.h"
#include "trace/event_array.h"
#include "trace/format.h"

namespace gcsim {

inline constexpr std::size_t kMaxLineBytes = std::size_t{64} << 20;

struct EventPosition {
  std::uint64_t index = 0;            // counting from 0
  std::optional<std::uint64_t> line;  // 1-based
  std::uint64_t file_offset = 0;      // bytes of the file as stored read so far (progress)
};

struct TraceWarning {
  std::string message;  // one line, "FILE:LINE: what"
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  // Called once, before the first event.
  virtual void on_header(const TraceHeader& header) = 0;
  virtual void on_event(const Event& event, const EventPosition& position) = 0;
};

struct ReadResult {
  TraceHeader header;
  std::uint64_t events = 0;
  std::vector<TraceWarning> warnings;
};

// Reads `path` into `sink`. Throws TraceError; exceptions from the sink pass through.
ReadResult read_trace(const std::string& path, TraceSink& sink);

// Every event in memory, for tests and small tools; `header`, if given, receives the header.
std::vector<Event> read_all_events(const std::string& path, TraceHeader* header = nullptr);
// The same, packed (what a sweep replays many times).
EventArray read_event_array(const std::string& path, TraceHeader* header = nullptr);

}  // namespace gcsim
