// Writes a random-churn trace (src/synth/random_churn.h) as .jsonl, for timed CLI runs:
//   make_churn_trace EVENTS OUT.jsonl [POOL_BYTES]
// e.g. the 10,000,000-event trace behind the streaming figures in bench/README.md.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "synth/random_churn.h"
#include "trace/writer.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_churn_trace EVENTS OUT.jsonl [POOL_BYTES]\n";
    return 2;
  }
  gcsim::ChurnParams params;
  params.events = std::strtoull(argv[1], nullptr, 10);
  if (argc > 3) params.pool_bytes = std::strtoull(argv[3], nullptr, 10);
  std::ofstream out(argv[2]);
  gcsim::TraceWriter writer(out);
  writer.write_header({.version = 1,
                       .name = "churn",
                       .description = "random churn",
                       .geometry = "k210",
                       .recorded = std::nullopt});
  for (const gcsim::Event& e : gcsim::random_churn(params)) writer.write_event(e);
  return out ? 0 : 1;
}
