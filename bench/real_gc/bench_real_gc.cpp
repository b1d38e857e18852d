// bench_real_gc TRACE [--heap-size BYTES] [--csv OUT.csv]
//
// Replays a trace through MicroPython's own py/gc.c, compiled from the tree the build names
// (GCSIM_MICROPYTHON_SOURCE), reading gc_info() after every event, and prints how long that
// took: the real collector's side of the comparison with `gcsim replay` (bench/README.md).
// The trace is read with gcsim's reader first and timed apart; the replay time includes
// formatting the per-event CSV and writing it out when --csv is given.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <string>
#include <string_view>

#include "real_gc_port.h"
#include "real_gc_replay.h"
#include "trace/event_array.h"
#include "trace/reader.h"

namespace {

constexpr std::size_t kDefaultHeapBytes = 524'288;  // the k210 preset's default

struct Options {
  std::string trace;
  std::size_t heap_bytes = kDefaultHeapBytes;
  std::string csv;  // empty: no CSV
};

bool parse_options(int argc, char** argv, Options& out) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--heap-size" && has_value) {
      const std::string_view value = argv[++i];
      const auto [end, ec] =
          std::from_chars(value.data(), value.data() + value.size(), out.heap_bytes);
      if (ec != std::errc() || end != value.data() + value.size()) return false;
    } else if (arg == "--csv" && has_value) {
      out.csv = argv[++i];
    } else if (out.trace.empty() && !arg.starts_with("-")) {
      out.trace = arg;
    } else {
      return false;
    }
  }
  return !out.trace.empty();
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

int run(const Options& options) {
  double start_cpu = cpu_seconds();
  const gcsim::EventArray events = gcsim::read_event_array(options.trace);
  const double read_cpu_s = cpu_seconds() - start_cpu;

  gcsim::Event e;
  std::size_t n_allocs = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    events.load(i, e);
    n_allocs += e.op == gcsim::Op::alloc;
  }

  gcsim::real_gc::RealGcReplay replay(options.heap_bytes, n_allocs);
  const bool csv = !options.csv.empty();
  std::string rows;
  if (csv) rows.reserve(events.size() * 32);
  start_cpu = cpu_seconds();
  const auto start_wall = std::chrono::steady_clock::now();
  if (csv) rows = "event,mem_alloc,mem_free,max_free,collections\n";
  for (std::size_t i = 0; i < events.size(); ++i) {
    events.load(i, e);
    replay.apply(e, csv ? &rows : nullptr);
  }
  if (csv) {
    std::ofstream out(options.csv, std::ios::binary);
    out << rows;
    if (!out.flush()) {
      std::fprintf(stderr, "bench_real_gc: cannot write %s\n", options.csv.c_str());
      return 1;
    }
  }
  const double replay_cpu_s = cpu_seconds() - start_cpu;
  const std::chrono::duration<double> replay_wall = std::chrono::steady_clock::now() - start_wall;

  const gcsim::real_gc::ReplayCounts& counts = replay.counts();
  std::printf("events %zu, heap %zu bytes\n", events.size(), options.heap_bytes);
  std::printf("read %.3f s CPU\n", read_cpu_s);
  std::printf("replay %.3f s CPU, %.3f s wall: %.0f events/s (CPU), gc_info after every event%s\n",
              replay_cpu_s, replay_wall.count(), static_cast<double>(events.size()) / replay_cpu_s,
              csv ? ", CSV written" : "");
  std::printf("collections %llu, MemoryErrors %llu, skipped events %llu\n",
              static_cast<unsigned long long>(real_gc_collections()),
              static_cast<unsigned long long>(counts.memory_errors),
              static_cast<unsigned long long>(counts.skipped_events));
  // Refs the heap words could not hold: the real mark phase does not see them, so the numbers
  // may differ from gcsim's from there on.
  if (counts.refs_unstored + counts.refs_dropped + real_gc_finaliser_lookups() > 0) {
    std::printf(
        "warning: %llu refs found no zero word, %llu were dropped by a shrink, "
        "%llu finaliser lookups\n",
        static_cast<unsigned long long>(counts.refs_unstored),
        static_cast<unsigned long long>(counts.refs_dropped),
        static_cast<unsigned long long>(real_gc_finaliser_lookups()));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::fprintf(stderr, "usage: bench_real_gc TRACE [--heap-size BYTES] [--csv OUT.csv]\n");
    return 2;
  }
  try {
    return run(options);
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "bench_real_gc: %s\n", ex.what());
    return 1;
  }
}
