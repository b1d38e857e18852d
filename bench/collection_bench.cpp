// Collection: one gc.collect() — mark from the held set through the references, then sweep
// every block — on the 512 KiB and 3 MiB k210 heaps filled to about half with small objects
// (a quarter of them garbage; half the kept ones referenced from the one kept before, as
// lists and dicts hold objects).
// Each iteration refills the garbage the previous collection swept.
#include <benchmark/benchmark.h>

#include <random>

#include "replay/simulation.h"

namespace gcsim {
namespace {

void BM_Collect(benchmark::State& state) {
  GeometryParams g = find_preset("k210")->params;
  g.heap_bytes = static_cast<std::uint64_t>(state.range(0));
  const Layout layout = *compute_layout(g);
  Simulation sim(layout);
  std::mt19937_64 rng(9);
  std::uint64_t next_id = 1, index = 0, prev_held = 0;
  auto alloc = [&](bool keep) {
    Event e;
    e.op = Op::alloc;
    e.id = next_id++;
    e.size = 16 + rng() % 96;
    sim.apply(e, EventIndex(index++));
    if (keep && prev_held != 0 && rng() % 2 == 0) {
      Event r;
      r.op = Op::ref;
      r.id = prev_held;
      r.to = e.id;
      sim.apply(r, EventIndex(index++));
    }
    if (!keep) {
      Event d;
      d.op = Op::drop;
      d.id = e.id;
      sim.apply(d, EventIndex(index++));
    } else {
      prev_held = e.id;
    }
  };
  while (sim.collector().free_space().free_blocks > layout.pool_blocks / 2) alloc(rng() % 4 != 0);
  std::uint64_t garbage_blocks = 0;
  Event collect;
  collect.op = Op::collect;
  for (auto _ : state) {
    state.PauseTiming();
    for (std::uint64_t i = 0; i < garbage_blocks; ++i) alloc(false);
    state.ResumeTiming();
    const EventOutcome out = sim.apply(collect, EventIndex(index++));
    garbage_blocks = out.collection->heads_freed;
    state.counters["blocks_marked"] = static_cast<double>(out.collection->blocks_marked);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_Collect)->Arg(524288)->Arg(3145728)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
