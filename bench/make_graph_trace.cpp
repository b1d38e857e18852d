// Writes a random-graph trace (src/synth/random_graph.h) as .jsonl, for timed CLI runs:
//   make_graph_trace EVENTS OUT.jsonl [POOL_BYTES]
// e.g. the 200,000-event graph trace of bench/README.md's "graph-shaped traces".
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "synth/random_graph.h"
#include "trace/writer.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_graph_trace EVENTS OUT.jsonl [POOL_BYTES]\n";
    return 2;
  }
  gcsim::GraphParams params;
  params.events = std::strtoull(argv[1], nullptr, 10);
  if (argc > 3) params.pool_bytes = std::strtoull(argv[3], nullptr, 10);
  std::ofstream out(argv[2]);
  gcsim::TraceWriter writer(out);
  writer.write_header({.version = 1,
                       .name = "graph",
                       .description = "random graph",
                       .geometry = "k210",
                       .recorded = std::nullopt});
  for (const gcsim::Event& e : gcsim::random_graph(params)) writer.write_event(e);
  return out ? 0 : 1;
}
