// Random graph: a deterministic stream shaped like a program with an object graph — chains
// (each new node referenced by the last), fan-out (containers referencing many items, a word
// per item, grown by realloc when full; some items pointing back at their container: cycles),
// refs and unrefs, holds of objects reached only
// through the graph, explicit frees, reallocs, collections and threshold/disable/enable
// changes — with live bytes hovering around a share of the pool, as random churn does. For
// benchmarks of replays on graph-shaped traces; not a model of any real program.
#pragma once

#include <cstdint>
#include <vector>

#include "trace/event.h"

namespace gcsim {

struct GraphParams {
  std::uint64_t events = 200'000;
  std::uint64_t seed = 1;
  std::uint64_t pool_bytes = 518'144;  // the heap the stream is meant for
  double live_share = 0.5;             // keep about this share of the pool reachable
};

std::vector<Event> random_graph(const GraphParams& params);

}  // namespace gcsim
