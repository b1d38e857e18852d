// Whole replay from events in memory (parsing excluded), with the per-event state recorded in
// memory (what `--csv` and the reports read) and without it:
//   - random alloc/drop churn, 1,000,000 and 10,000,000 events, on the 512 KiB and 3 MiB k210
//     heaps;
//   - a random object graph (chains, fan-out, cycles, refs/unrefs, drop/hold pairs, frees,
//     collections, threshold changes), 200,000 events on 512 KiB, beside churn of the same
//     length, each also with the per-event CSV written (to memory);
//   - each bundled trace (traces/) on the k210 preset's default heap.
// Reports events per second.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>

#include "replay/driver.h"
#include "report/state_csv.h"
#include "synth/random_churn.h"
#include "synth/random_graph.h"

namespace gcsim {
namespace {

// Keeps every sample, as a report would. The buffer lives across iterations, as one report's
// does for its whole run; BM_ReplayRecordedFresh pays for a new one (first-touch page faults
// of 64 MB per 1 M events) every time.
class InMemorySamples final : public SampleSink {
 public:
  void sample(const StateSample& s) override { samples.push_back(s); }
  std::vector<StateSample> samples;
};

ReplaySettings k210(std::uint64_t heap_bytes) {
  ReplaySettings settings;
  settings.preset = "k210";
  settings.geometry = find_preset("k210")->params;
  settings.geometry.heap_bytes = heap_bytes;
  return settings;
}

enum class Record { none, reused_buffer, fresh_buffer, csv };

void replay(benchmark::State& state, const EventArray& events, const TraceHeader& header,
            const ReplaySettings& settings, Record how) {
  std::uint64_t collections = 0;
  const bool record = how == Record::reused_buffer || how == Record::fresh_buffer;
  InMemorySamples samples;
  std::ostringstream csv_text;
  if (how == Record::reused_buffer) {
    // Touched once before timing: the first touch of 64 MB per 1 M events is page faults (about
    // 200 ms a million here), which the fresh-buffer variant measures; spread over the few
    // timed iterations it would pass for replay cost.
    samples.samples.resize(events.size());
  }
  for (auto _ : state) {
    if (how == Record::fresh_buffer) {
      std::vector<StateSample>().swap(samples.samples);
    } else {
      samples.samples.clear();
    }
    if (record) samples.samples.reserve(events.size());
    SampleSink* sink = record ? &samples : nullptr;
    std::optional<StateCsvWriter> csv;
    if (how == Record::csv) {
      csv_text.str("");
      sink = &csv.emplace(csv_text, 1);
    }
    const ReplayResult r = replay_events(events, header, settings, "bench", sink);
    collections = r.summary.collections_total;
    benchmark::DoNotOptimize(samples.samples.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events.size()));
  state.counters["collections"] = static_cast<double>(collections);
}

void replay_churn(benchmark::State& state, Record how) {
  const ReplaySettings settings = k210(static_cast<std::uint64_t>(state.range(0)));
  const Layout layout = layout_for(settings.geometry);
  const EventArray events(random_churn({.events = static_cast<std::uint64_t>(state.range(1)),
                                        .seed = 1,
                                        .pool_bytes = layout.pool_bytes,
                                        .live_share = 0.5}));
  replay(state, events, {}, settings, how);
}

void BM_ReplayRecorded(benchmark::State& state) { replay_churn(state, Record::reused_buffer); }
void BM_ReplayRecordedFresh(benchmark::State& state) { replay_churn(state, Record::fresh_buffer); }
void BM_ReplayBare(benchmark::State& state) { replay_churn(state, Record::none); }

BENCHMARK(BM_ReplayRecorded)
    ->Args({524288, 1'000'000})
    ->Args({3145728, 1'000'000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayRecordedFresh)
    ->Args({524288, 1'000'000})
    ->Args({3145728, 1'000'000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayBare)
    ->Args({524288, 1'000'000})
    ->Args({3145728, 1'000'000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayRecorded)
    ->Args({524288, 10'000'000})
    ->Args({3145728, 10'000'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

// The same length of churn and of a graph, side by side: state 0 churn, 1 graph.
void replay_shape(benchmark::State& state, Record how) {
  const ReplaySettings settings = k210(524288);
  const Layout layout = layout_for(settings.geometry);
  const auto n_events = static_cast<std::uint64_t>(state.range(1));
  const EventArray events =
      state.range(0) == 0
          ? EventArray(random_churn({.events = n_events, .pool_bytes = layout.pool_bytes}))
          : EventArray(random_graph({.events = n_events, .pool_bytes = layout.pool_bytes}));
  replay(state, events, {}, settings, how);
}

void BM_ReplayShapeBare(benchmark::State& state) { replay_shape(state, Record::none); }
void BM_ReplayShapeCsv(benchmark::State& state) { replay_shape(state, Record::csv); }

BENCHMARK(BM_ReplayShapeBare)
    ->ArgNames({"graph", "events"})
    ->Args({0, 200'000})
    ->Args({1, 200'000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayShapeCsv)
    ->ArgNames({"graph", "events"})
    ->Args({0, 200'000})
    ->Args({1, 200'000})
    ->Unit(benchmark::kMillisecond);

// One benchmark per bundled trace, registered at start-up from traces/.
void register_bundled_traces() {
  for (const auto& entry : std::filesystem::directory_iterator(GCSIM_TRACES_DIR)) {
    const std::string path = entry.path().string();
    if (path.find(".jsonl") == std::string::npos) continue;
    auto header = std::make_shared<TraceHeader>();
    auto events = std::make_shared<EventArray>(read_event_array(path, header.get()));
    benchmark::RegisterBenchmark(("BM_ReplayTrace/" + entry.path().stem().stem().string()).c_str(),
                                 [header, events](benchmark::State& state) {
                                   replay(state, *events, *header, k210(524288),
                                          Record::reused_buffer);
                                 })
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace
}  // namespace gcsim

int main(int argc, char** argv) {
  gcsim::register_bundled_traces();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
