// Writes a benchmark trace as .jsonl, for timed CLI runs:
//   make_bench_trace churn|graph EVENTS OUT.jsonl [POOL_BYTES]
// churn: random alloc/drop churn (src/synth/random_churn.h), e.g. the 10,000,000-event trace
// behind the streaming figures in bench/README.md; graph: a program's object graph
// (src/synth/random_graph.h).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string_view>
#include <vector>

#include "synth/random_churn.h"
#include "synth/random_graph.h"
#include "trace/writer.h"

int main(int argc, char** argv) {
  const std::string_view shape = argc > 1 ? argv[1] : "";
  if (argc < 4 || (shape != "churn" && shape != "graph")) {
    std::cerr << "usage: make_bench_trace churn|graph EVENTS OUT.jsonl [POOL_BYTES]\n";
    return 2;
  }
  const std::uint64_t events = std::strtoull(argv[2], nullptr, 10);
  std::vector<gcsim::Event> trace;
  gcsim::TraceHeader header;
  header.name = std::string(shape);
  header.geometry = "k210";
  if (shape == "churn") {
    gcsim::ChurnParams params;
    params.events = events;
    if (argc > 4) params.pool_bytes = std::strtoull(argv[4], nullptr, 10);
    header.description = "random churn";
    trace = gcsim::random_churn(params);
  } else {
    gcsim::GraphParams params;
    params.events = events;
    if (argc > 4) params.pool_bytes = std::strtoull(argv[4], nullptr, 10);
    header.description = "random graph";
    trace = gcsim::random_graph(params);
  }
  std::ofstream out(argv[3]);
  gcsim::TraceWriter writer(out);
  writer.write_header(header);
  for (const gcsim::Event& e : trace) writer.write_event(e);
  return out ? 0 : 1;
}
