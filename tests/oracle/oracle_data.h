// Test support: readers for the oracle data kept under tests/oracle/ (see README.md there).
//
// data/<run>.csv.gz          -> load_states      event,mem_alloc,mem_free,max_free,collections
// data/<run>.events.csv.gz   -> load_notable     event,what,id,size,detail,a,b
// data/<run>.blocks.csv.gz   -> load_placements  event,id,block,blocks
// data/index.json            -> load_index       one OracleRun per (trace, heap, version)
// data/*.json (summary, geometry, wasm-geometry, .json traces) -> load_json
//
// Every reader takes plain or gzipped files (zlib reads plain files transparently) and throws
// std::runtime_error naming the file and the 1-based line on a bad header or a malformed row;
// nothing is skipped. The readers check the format only; what the numbers mean is for the
// tests. Not here: the trace reader (src/trace/) and the MicroPython log importer (src/import/).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "heap/geometry.h"

namespace gcsim::oracle {

// The tests/oracle source folder (compile definition GCSIM_ORACLE_DIR).
std::string oracle_dir();
// oracle_dir() + "/data": traces, per-run results, index.json, geometry files.
std::string data_dir();
// oracle_dir() + "/mpy-logs": MicroPython v1.11 debug logs (heap maps under heapmaps/).
std::string mpy_logs_dir();

// Every line of a plain or gzipped text file, without its '\n'. A final line without '\n' is
// kept; a file ending in '\n' gives no empty last line.
std::vector<std::string> read_gz_lines(const std::string& path);

// <run>.csv.gz: the state after event `event` (every event has a row, 0-based).
struct StateRow {
  std::uint64_t event;
  std::int64_t mem_alloc;    // bytes (gc_info used)
  std::int64_t mem_free;     // bytes (gc_info free)
  std::int64_t max_free;     // bytes: longest free run, blocks x 32
  std::int64_t collections;  // running total
};
std::vector<StateRow> load_states(const std::string& path);

// <run>.events.csv.gz: one row per notable event (collect, alloc_fail, realloc_fail, realloc,
// alloc_zero). `id` and `size` are -1 where the event has none (collect); `detail` is the
// file's text, "null" included; the meaning of `a` and `b` depends on `what` (README.md).
struct NotableEvent {
  std::uint64_t event;
  std::string what;
  std::int64_t id;    // trace id, up to 2^53 - 1
  std::int64_t size;  // n_bytes requested, up to 2^40 in edge-cases
  std::string detail;
  std::int64_t a;
  std::int64_t b;
};
std::vector<NotableEvent> load_notable(const std::string& path);

// <run>.blocks.csv.gz: where each successful alloc/realloc landed.
struct Placement {
  std::uint64_t event;
  std::uint64_t id;
  std::uint64_t block;   // head block index from the pool start
  std::uint64_t blocks;  // n_blocks
};
std::vector<Placement> load_placements(const std::string& path);

// One entry of data/index.json. All paths are absolute, under data_dir().
struct OracleRun {
  std::string trace;       // e.g. "edge-cases"
  std::string trace_file;  // the trace copy, e.g. <data>/edge-cases.json
  std::string version;     // "v1.11" or "v1.28.0" (the index's "micropython")
  std::uint64_t heap_bytes;
  std::uint64_t events;
  std::string csv;
  std::string events_csv;
  std::string blocks_csv;
  std::string summary_json;
};
// The collector rules a run's MicroPython version follows.
RulesVersion rules_of(const OracleRun& run);
// The run as a test name: trace_heap_version with every other character an underscore.
std::string test_name(const OracleRun& run);

// Throws if index.json is malformed or names a file that is not in data_dir().
std::vector<OracleRun> load_index();

// A whole JSON document (plain or gzipped).
nlohmann::json load_json(const std::string& path);

}  // namespace gcsim::oracle
