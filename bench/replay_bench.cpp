// Whole replay from events in memory (parsing excluded): random alloc/drop churn on the 512 KiB
// and 3 MiB k210 heaps, with the per-event state recorded in memory (what `--csv` and the
// reports read) and without it. Reports events per second.
#include <benchmark/benchmark.h>

#include "replay/driver.h"
#include "synth/random_churn.h"

namespace gcsim {
namespace {

// Keeps every sample, as a report would.
class InMemorySamples final : public SampleSink {
 public:
  void sample(const StateSample& s) override { samples.push_back(s); }
  std::vector<StateSample> samples;
};

void replay_churn(benchmark::State& state, bool record) {
  const auto heap_bytes = static_cast<std::uint64_t>(state.range(0));
  const auto n_events = static_cast<std::uint64_t>(state.range(1));
  ReplaySettings settings;
  settings.preset = "k210";
  settings.geometry = find_preset("k210")->params;
  settings.geometry.heap_bytes = heap_bytes;
  const Layout layout = layout_for(settings.geometry);
  const EventArray events(random_churn({.events = n_events, .seed = 1, .pool_bytes = layout.pool_bytes, .live_share = 0.5}));
  std::uint64_t collections = 0;
  for (auto _ : state) {
    InMemorySamples samples;
    if (record) samples.samples.reserve(events.size());
    const ReplayResult r =
        replay_events(events, {}, settings, "churn", record ? &samples : nullptr);
    collections = r.summary.collections_total;
    benchmark::DoNotOptimize(samples.samples.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events.size()));
  state.counters["collections"] = static_cast<double>(collections);
}

void BM_ReplayRecorded(benchmark::State& state) { replay_churn(state, true); }
void BM_ReplayBare(benchmark::State& state) { replay_churn(state, false); }

BENCHMARK(BM_ReplayRecorded)->Args({524288, 1'000'000})->Args({3145728, 1'000'000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayBare)->Args({524288, 1'000'000})->Args({3145728, 1'000'000})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
