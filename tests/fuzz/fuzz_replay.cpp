#include "fuzz_replay.h"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "replay/driver.h"
#include "report/replay_json.h"
#include "trace/trace_error.h"

namespace gcsim::fuzz {
namespace {

// Checks the block table's summaries against a recount now and then.
class InvariantCheck final : public ReplayObserver {
 public:
  void after_event(const Event&, const EventPosition& position, const EventOutcome&,
                   const Simulation& sim) override {
    if (position.index % 64 != 0) return;
    const std::string problem = sim.collector().table().check();
    if (!problem.empty()) {
      std::fprintf(stderr, "block table broken at event %llu: %s\n",
                   static_cast<unsigned long long>(position.index), problem.c_str());
      std::abort();
    }
  }
};

}  // namespace

std::string write_scratch_file(const std::uint8_t* data, std::size_t size,
                               const std::string& scratch_dir, const std::string& ending) {
  const std::string path = scratch_dir + "/fuzz-" + std::to_string(::getpid()) + ending;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

std::string replay_once(const std::uint8_t* data, std::size_t size,
                        const std::string& scratch_dir) {
  if (size == 0) return "empty";
  // The first byte picks the file form, so one corpus covers all readers.
  static const char* const kEndings[] = {".jsonl", ".json", ".jsonl.gz", ".json.gz"};
  const std::string path =
      write_scratch_file(data + 1, size - 1, scratch_dir, kEndings[data[0] % 4]);
  ReplaySettings settings;
  settings.preset = "k210";
  settings.geometry = find_preset("k210")->params;
  settings.geometry.heap_bytes = 8192;  // 248 blocks: collections and failures are common
  InvariantCheck check;
  std::string outcome;
  try {
    const ReplayResult result = replay_trace(path, settings, nullptr, &check);
    (void)replay_to_json(result, path).dump();
    const ReplaySummary& s = result.summary;
    outcome = "replayed: " + std::to_string(s.events) + " events, " +
              std::to_string(s.collections_total) + " collections, " +
              std::to_string(s.failures_total) + " MemoryErrors";
  } catch (const TraceError& e) {
    outcome = "rejected: " + e.info().rule;
  } catch (const std::invalid_argument&) {
    outcome = "rejected: settings";
  }
  std::remove(path.c_str());
  return outcome;
}

}  // namespace gcsim::fuzz
