// One recording: runs a script in the recorder build (recorder_build.h), as
// `micropython -X heapsize=N SCRIPT ARGS…` would from the current folder, and turns what the
// recorder reports into trace events as they come (recording_stream.h).
//
// Runs repeat exactly: address-space randomisation is off and the environment is fixed —
// HOME=/root (the unix port puts ~/.micropython/lib on sys.path, so HOME's length is in the
// startup allocations; /root is what the reference runs had), nothing else but the recorder's
// own variables and the MaixPy stand-ins' (GCSIM_HEAP_BYTES, the recording heap, answers
// Maix.utils.gc_heap_size()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "record/recording_stream.h"
#include "trace/format.h"

namespace gcsim {

struct ScriptRun {
  std::string binary;  // the recorder build
  std::string script;
  std::vector<std::string> args;
  std::uint64_t heap_bytes = 512 * 1024;  // -X heapsize
  std::uint64_t liveness_every = 1;
  std::vector<std::string> env;  // the MaixPy stand-ins' settings (maixpy_settings.h)
};

struct ScriptResult {
  int exit_status = 0;
  int signal = 0;
  RecordingFacts facts;
  double seconds = 0;
};

// Runs the script; `on_start` sees the recording heap's facts, then every event goes to `sink`
// in order. Throws std::runtime_error if the recorder cannot start or its stream is broken
// (the script's own failure is in the result).
ScriptResult record_script(const ScriptRun& run, const RecordingStream::StartSink& on_start,
                           const RecordingStream::Sink& sink);

// The header's `recorded` object for a recording of `run` with these facts: the GC heap
// gc_init got from `-X heapsize` (its end rounded down to a block) and where its liveness holds.
RecordedSetting recorded_setting(const ScriptRun& run, const RecordingFacts& facts);

// The line that says why a recording gave no trace, or "" if it gave one.
std::string recording_failure(const ScriptRun& run, const ScriptResult& result);

}  // namespace gcsim
