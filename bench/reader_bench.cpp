// Trace reading speed: a 1,000,000-event churn trace written as .jsonl, .jsonl.gz and .json,
// read back through read_trace into a sink that only counts. Reports bytes and events per
// second (bytes of the file as stored).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <zlib.h>

#include "synth/random_churn.h"
#include "trace/reader.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

class CountingSink final : public TraceSink {
 public:
  void on_header(const TraceHeader&) override {}
  void on_event(const Event&, const EventPosition&) override { ++events; }
  std::uint64_t events = 0;
};

struct BenchFiles {
  std::string jsonl, jsonl_gz, json;
  BenchFiles() {
    const auto dir = std::filesystem::temp_directory_path() / "gcsim-bench";
    std::filesystem::create_directories(dir);
    jsonl = (dir / "churn.jsonl").string();
    jsonl_gz = (dir / "churn.jsonl.gz").string();
    json = (dir / "churn.json").string();
    const std::vector<Event> events = random_churn({.events = 1'000'000});
    const TraceHeader header{.version = 1, .name = "churn", .description = "", .geometry = "k210"};
    std::ostringstream text;
    write_trace_jsonl(text, header, events);
    std::ofstream(jsonl) << text.str();
    gzFile gz = gzopen(jsonl_gz.c_str(), "wb6");
    gzwrite(gz, text.str().data(), static_cast<unsigned>(text.str().size()));
    gzclose(gz);
    // The .json form: the same events inside one document.
    std::istringstream lines(text.str());
    std::string line, first;
    std::getline(lines, first);
    std::ofstream out(json);
    out << first.substr(0, first.size() - 1) << ",\"events\":[\n";
    bool comma = false;
    while (std::getline(lines, line)) {
      out << (comma ? ",\n" : "") << line;
      comma = true;
    }
    out << "\n]}\n";
  }
};

const BenchFiles& files() {
  static const BenchFiles f;
  return f;
}

void read_file(benchmark::State& state, const std::string& path) {
  const auto bytes = std::filesystem::file_size(path);
  std::uint64_t events = 0;
  for (auto _ : state) {
    CountingSink sink;
    read_trace(path, sink);
    events = sink.events;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events));
}

void BM_ReadJsonl(benchmark::State& state) { read_file(state, files().jsonl); }
void BM_ReadJsonlGz(benchmark::State& state) { read_file(state, files().jsonl_gz); }
void BM_ReadJson(benchmark::State& state) { read_file(state, files().json); }

BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGz)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
