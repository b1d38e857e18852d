#include "record/record_script.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

#include "record/child_process.h"

namespace gcsim {

ScriptResult record_script(const ScriptRun& run, const RecordingStream::StartSink& on_start,
                           const RecordingStream::Sink& sink) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error(fmt::format("record: pipe: {}", std::strerror(errno)));
  }
  ChildSpec spec;
  spec.argv = {run.binary, "-X", fmt::format("heapsize={}", run.heap_bytes), run.script};
  spec.argv.insert(spec.argv.end(), run.args.begin(), run.args.end());
  spec.env = std::vector<std::string>{"HOME=/root", "GCSIM_RECORD_FD=3",
                                      fmt::format("GCSIM_LIVENESS_EVERY={}", run.liveness_every),
                                      fmt::format("GCSIM_HEAP_BYTES={}", run.heap_bytes)};
  spec.env->insert(spec.env->end(), run.env.begin(), run.env.end());
  spec.fd3 = pipe_fds[1];
  spec.no_aslr = true;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid;
  try {
    pid = start_child(spec);
  } catch (...) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw;
  }
  ::close(pipe_fds[1]);

  RecordingStream stream(sink, on_start);
  std::array<char, 1 << 16> buffer;
  try {
    for (;;) {
      const ssize_t n = ::read(pipe_fds[0], buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error(fmt::format("record: read: {}", std::strerror(errno)));
      if (n == 0) break;
      stream.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
  } catch (...) {
    ::close(pipe_fds[0]);
    wait_child(pid);
    throw;
  }
  ::close(pipe_fds[0]);
  const ChildExit exit = wait_child(pid);
  ScriptResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.exit_status = exit.status;
  result.signal = exit.signal;
  if (exit.ok()) stream.finish();
  result.facts = stream.facts();
  return result;
}

RecordedSetting recorded_setting(const ScriptRun& run, const RecordingFacts& facts) {
  constexpr std::uint64_t kBlockBytes = 32;  // the unix port's, 64-bit
  RecordedSetting r;
  r.liveness = run.liveness_every == 1 ? kLivenessEveryAllocation : kLivenessEveryN;
  r.liveness_every = run.liveness_every;
  r.heap_bytes = run.heap_bytes - (facts.heap_start_offset + run.heap_bytes) % kBlockBytes;
  r.start_offset = facts.heap_start_offset;
  r.threshold = -1;  // the unix port starts with no threshold; the script's own calls are events
  return r;
}

std::string recording_failure(const ScriptRun& run, const ScriptResult& result) {
  if (result.facts.out_of_memory > 0) {
    return fmt::format(
        "record: {} ran out of memory on the {}-byte recording heap (a {}-byte allocation "
        "failed); record with a larger --heap-size",
        run.script, run.heap_bytes, result.facts.first_out_of_memory_bytes);
  }
  if (result.signal != 0) {
    return fmt::format("record: {} was killed by signal {} ({}); no trace written", run.script,
                       result.signal, strsignal(result.signal));
  }
  if (result.exit_status != 0) {
    return fmt::format("record: {} exited with status {} (its error is above); no trace written",
                       run.script, result.exit_status);
  }
  if (!result.facts.ended) {
    return fmt::format("record: {}: the recorder stopped without its end record", run.script);
  }
  return "";
}

}  // namespace gcsim
