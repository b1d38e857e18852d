#include "fuzz_inputs.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "fuzz_replay.h"
#include "import/mpy_log.h"
#include "sweep/command.h"
#include "trace/trace_error.h"
#include "trace/writer.h"

namespace gcsim::fuzz {

std::string import_once(const std::uint8_t* data, std::size_t size,
                        const std::string& scratch_dir) {
  if (size == 0) return "empty";
  const std::string path = write_scratch_file(data, size, scratch_dir, ".log");
  std::string outcome;
  try {
    // As `gcsim import mpy-log --max-events`: a few bytes must not make millions of events.
    const MpyLogImport imported = import_mpy_log(path, 100'000);
    std::ostringstream trace;
    write_trace_jsonl(trace, imported.header, imported.events);
    outcome = "imported: " + std::to_string(imported.events.size()) + " events, " +
              std::to_string(imported.warnings_total) + " warnings";
  } catch (const TraceError& e) {
    outcome = "rejected: " + e.info().rule;
  } catch (const std::invalid_argument&) {
    outcome = "rejected: settings";
  }
  std::remove(path.c_str());
  return outcome;
}

std::string config_once(const std::uint8_t* data, std::size_t size,
                        const std::string& scratch_dir) {
  if (size == 0) return "empty";
  const std::string path = write_scratch_file(data, size, scratch_dir, ".json");
  std::string outcome;
  try {
    sweep::SweepRequest request;
    request.config = path;
    const sweep::SweepPlan plan = sweep::plan_sweep(request);
    outcome = "planned: " + std::to_string(plan.traces.size()) + " traces, " +
              std::to_string(plan.spec.thresholds.size() * plan.spec.heap_sizes.size()) +
              " settings";
  } catch (const std::invalid_argument&) {
    outcome = "rejected";
  } catch (const std::runtime_error&) {
    outcome = "rejected";
  }
  std::remove(path.c_str());
  return outcome;
}

}  // namespace gcsim::fuzz
