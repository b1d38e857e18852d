// Heap-info upkeep: what keeping gc_info()'s figures current costs per allocation and free
// (the BlockTable's free-run tree, counters and chain lengths), against reading them with
// gc_info's full scan after every change as py/gc.c would. 512 KiB and 3 MiB k210 pools.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "collector/heap_info.h"
#include "heap/block_table.h"

namespace gcsim {
namespace {

// Random 1–8-block allocations and frees keeping the table about half full; after each change
// the figures a per-event state log reads.
template <class ReadInfo>
void churn(benchmark::State& state, ReadInfo&& read_info) {
  const auto n_blocks = static_cast<std::uint32_t>(state.range(0));
  BlockTable table(n_blocks);
  std::mt19937 rng(5);
  std::vector<BlockIndex> heads;
  for (auto _ : state) {
    if (heads.empty() || (table.free_blocks() > n_blocks / 2 && rng() % 2 == 0)) {
      const std::uint32_t n = 1 + rng() % 8;
      if (const BlockIndex head = table.first_fit(n); head != kNoBlock) {
        table.allocate(head, n);
        heads.push_back(head);
      }
    } else {
      const std::size_t i = rng() % heads.size();
      table.release(heads[i]);
      heads[i] = heads.back();
      heads.pop_back();
    }
    benchmark::DoNotOptimize(read_info(table));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_UpkeepIndexed(benchmark::State& state) {
  churn(state, [](const BlockTable& t) {
    return std::uint64_t{t.free_blocks()} + t.largest_free_run() + t.free_run_count();
  });
}

void BM_UpkeepScan(benchmark::State& state) {
  churn(state, [](const BlockTable& t) { return scan_heap_info(t, 32).max_free; });
}

BENCHMARK(BM_UpkeepIndexed)->Arg(16192)->Arg(97164);
BENCHMARK(BM_UpkeepScan)->Arg(16192)->Arg(97164);

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
