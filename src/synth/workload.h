// The workload library: named generators of K210 (MaixPy) allocation traces, one per typical
// script (docs/geometry.md "Typical K210 workloads"). The registry is a plain table; each row
// names the generator, says in one line what it models and what a frame allocates.
//
// A trace is deterministic for (workload, frames, seed): the same arguments give the same
// events with every compiler and standard library.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "synth/script.h"
#include "trace/event.h"
#include "trace/format.h"

namespace gcsim::synth {

struct SynthOptions {
  std::uint32_t frames = 30;
  std::uint64_t seed = 1;
};

struct Workload {
  std::string_view name;
  std::string_view description;  // one line
  std::string_view per_frame;    // what one frame allocates, in bytes
  void (*generate)(Script& script, std::uint32_t frames);
};

std::span<const Workload> workloads();
const Workload* find_workload(std::string_view name);

// The trace's header: name, geometry "k210", and a description naming frames and seed.
TraceHeader synth_header(const Workload& workload, const SynthOptions& options);
// Runs the generator, handing each event to `emit` as soon as it is made.
void synthesize(const Workload& workload, const SynthOptions& options,
                const TraceBuilder::Emit& emit);
std::vector<Event> synthesize(const Workload& workload, const SynthOptions& options);

}  // namespace gcsim::synth
