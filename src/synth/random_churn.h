// Random churn: a deterministic stream of alloc and drop events that keeps the heap busy —
// small objects mostly, a few big buffers, live bytes hovering around a target share of the
// pool so that collections keep happening. For benchmarks and for testing fast paths against
// reference ones; not a model of any real program (see the workloads for those).
#pragma once

#include <cstdint>
#include <vector>

#include "trace/event.h"

namespace gcsim {

struct ChurnParams {
  std::uint64_t events = 1'000'000;
  std::uint64_t seed = 1;
  std::uint64_t pool_bytes = 518'144;  // the heap the stream is meant for
  double live_share = 0.5;             // keep about this share of the pool held
};

std::vector<Event> random_churn(const ChurnParams& params);

}  // namespace gcsim
