// First fit on a fragmented block table: FreeRunIndex's O(log N) search against the byte-by-byte
// scan py/gc.c makes, on the 512 KiB (16,192 blocks) and 3 MiB (97,164 blocks) k210 pools.
#include <benchmark/benchmark.h>

#include <random>

#include "heap/block_table.h"

namespace gcsim {
namespace {

// Every other small run taken, so free runs are short and a large request scans far.
BlockTable fragmented(std::uint32_t n_blocks) {
  BlockTable t(n_blocks);
  std::mt19937 rng(3);
  for (std::uint32_t b = 0; b + 8 < n_blocks; b += 8) t.allocate(BlockIndex(b), 1 + rng() % 6);
  return t;
}

BlockIndex scan_first_fit(const BlockTable& t, std::uint32_t n) {
  std::uint32_t run = 0;
  for (std::uint32_t b = 0; b < t.size(); ++b) {
    run = t.kind(BlockIndex(b)) == BlockKind::free ? run + 1 : 0;
    if (run >= n) return BlockIndex(b + 1 - n);
  }
  return kNoBlock;
}

void BM_FirstFitIndex(benchmark::State& state) {
  const BlockTable t = fragmented(static_cast<std::uint32_t>(state.range(0)));
  const auto n = static_cast<std::uint32_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(t.first_fit(n));
}

void BM_FirstFitScan(benchmark::State& state) {
  const BlockTable t = fragmented(static_cast<std::uint32_t>(state.range(0)));
  const auto n = static_cast<std::uint32_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(scan_first_fit(t, n));
}

BENCHMARK(BM_FirstFitIndex)
    ->Args({16192, 1})
    ->Args({16192, 7})
    ->Args({97164, 7})
    ->Args({97164, 64});
BENCHMARK(BM_FirstFitScan)->Args({16192, 1})->Args({16192, 7})->Args({97164, 7})->Args({97164, 64});

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
