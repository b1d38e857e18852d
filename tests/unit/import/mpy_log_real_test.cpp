// Real MicroPython v1.11 logs (tests/oracle/mpy-logs/ and its heapmaps/): does the imported
// trace, replayed on the log's heap, make the log's collections (same number, same causes, each
// freeing as many allocations as the log swept), place every allocation at the block the log
// printed, fail the allocations the log failed, and give every OBSERVE line's mem_alloc and
// mem_free exactly? For heapmaps/, is the simulated heap at each HEAPMAP mark block for block
// the map micropython.mem_info(1) printed there?
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include "import/mpy_log.h"
#include "import_files.h"
#include "replay/driver.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

using namespace gcsim::test;

struct RealLog {
  std::string file;  // under tests/oracle/mpy-logs/
  std::uint64_t collections = 0;
  std::uint64_t no_free_mem_lines = 0;
  std::uint64_t observe_lines = 0;
  std::uint64_t failed_allocs = 0;
  std::uint64_t pool_blocks = 0;
  bool heap_maps = false;  // its .stdout.txt holds mem_info(1) dumps after HEAPMAP lines
};

// The shared set's counts, from counts.json.
RealLog from_counts(const std::string& key) {
  std::ifstream in(mpy_logs_dir() + "/counts.json");
  const nlohmann::json counts = nlohmann::json::parse(in).at(key);
  return {.file = key + ".log.gz",
          .collections = counts.at("collections"),
          .no_free_mem_lines = counts.at("no_free_mem_lines"),
          .observe_lines = counts.at("observe_lines"),
          .failed_allocs = counts.at("gc_alloc_failed"),
          .pool_blocks = counts.at("heap_option") == "-X heapsize=128K" ? 4048u : 16192u};
}

// heapmaps/README.md's table: every collection there follows a `no free mem` line; each failed
// allocation is one of c@128K's 33 MemoryErrors.
std::vector<RealLog> real_logs() {
  std::vector<RealLog> logs;
  for (const char* key : {"a_camera_preview.heap512k", "c_bigbuf_churn.heap512k",
                          "c_bigbuf_churn.heap128k", "e_list_growth.heap512k"}) {
    logs.push_back(from_counts(key));
  }
  logs.push_back({"heapmaps/a_camera_preview_heapmap.heap512k.log.gz", 12, 12, 23, 0, 16192, true});
  logs.push_back({"heapmaps/c_bigbuf_churn_heapmap.heap512k.log.gz", 39, 39, 26, 0, 16192, true});
  logs.push_back({"heapmaps/c_bigbuf_churn_heapmap.heap128k.log.gz", 365, 365, 26, 33, 4048, true});
  logs.push_back({"heapmaps/e_list_growth_heapmap.heap512k.log.gz", 6, 6, 11, 0, 16192, true});
  return logs;
}

// What the log itself says, read with the plainest rules (independent of the importer): the
// address of every successful gc_alloc in order, and the gc_sweep lines of each collection (a
// maximal run of gc_mark/gc_sweep lines).
struct LogFacts {
  std::vector<std::uint64_t> alloc_addresses;
  std::vector<std::uint32_t> sweeps_per_collection;
};

LogFacts read_facts(const std::string& path) {
  LogFacts facts;
  gzFile gz = gzopen(path.c_str(), "rb");
  EXPECT_NE(gz, nullptr);
  char buffer[4096];
  bool in_run = false;
  while (gzgets(gz, buffer, sizeof buffer) != nullptr) {
    const std::string_view line(buffer);
    const bool mark = line.starts_with("gc_mark(");
    const bool sweep = line.starts_with("gc_sweep(");
    if ((mark || sweep) && !in_run) facts.sweeps_per_collection.push_back(0);
    in_run = mark || sweep;
    if (sweep) ++facts.sweeps_per_collection.back();
    if (line.starts_with("gc_alloc(") && line.find(' ') == std::string_view::npos) {
      facts.alloc_addresses.push_back(std::stoull(std::string(line.substr(9)), nullptr, 16));
    }
  }
  gzclose(gz);
  return facts;
}

// Each HEAPMAP dump of a run's stdout (heapmaps/README.md "Dump format") as one character a
// block: '.' free, '=' tail, 'h' head (the dump's type letters are all heads).
std::map<std::string, std::string> read_heap_maps(const std::string& path) {
  std::map<std::string, std::string> maps;
  std::ifstream in(path);
  std::string line, label;
  bool in_map = false;
  while (std::getline(in, line)) {
    if (line.starts_with("HEAPMAP ")) {
      label = line.substr(8);
      in_map = false;
    } else if (line.starts_with("GC memory layout; from ")) {
      in_map = true;
    } else if (in_map && line.size() > 7 && line[5] == ':' && line[6] == ' ') {
      for (char c : line.substr(7)) maps[label] += c == '.' || c == '=' ? c : 'h';
    } else if (in_map && line.starts_with("       (")) {
      maps[label] += std::string(64 * std::stoul(line.substr(8)), '.');
    } else {
      in_map = false;
    }
  }
  return maps;
}

// The block where each allocation, or the new block of each moving realloc, landed.
class Placements final : public ReplayObserver {
 public:
  void after_event(const Event& event, const EventPosition&, const EventOutcome& outcome,
                   const Simulation& sim) override {
    const bool moved = outcome.realloc == ReallocKind::moved;
    if ((event.op == Op::alloc || moved) && outcome.placed_head != kNoBlock) {
      heads.push_back(outcome.placed_head.value);
    }
    if (event.op == Op::mark) maps[event.text] = heap_map(sim.collector().table());
  }
  std::vector<std::uint32_t> heads;
  std::map<std::string, std::string> maps;  // at the last mark of each label

 private:
  static std::string heap_map(const BlockTable& table) {
    std::string map;
    for (std::uint32_t b = 0; b < table.size(); ++b) {
      const BlockKind kind = table.kind(BlockIndex(b));
      map += kind == BlockKind::free ? '.' : kind == BlockKind::tail ? '=' : 'h';
    }
    return map;
  }
};

class MpyLogRealTest : public ::testing::TestWithParam<RealLog> {};

TEST_P(MpyLogRealTest, ReplayGivesTheLogsCollectionsFailuresAndObservedValues) {
  const RealLog& log = GetParam();
  const MpyLogImport imported = import_mpy_log(mpy_logs_dir() + "/" + log.file);
  EXPECT_TRUE(imported.warnings.empty())
      << imported.warnings.front().line << ": " << imported.warnings.front().reason;
  EXPECT_EQ(imported.header.geometry, "k210");
  EXPECT_EQ(imported.heap.pool_blocks, log.pool_blocks);
  EXPECT_EQ(imported.stats.collections(), log.collections);
  EXPECT_EQ(imported.stats.failed_allocations, log.failed_allocs);

  ImportFiles files;
  const std::string trace = files.path("imported.jsonl");
  {
    std::ofstream out(trace);
    write_trace_jsonl(out, imported.header, imported.events);
  }
  ReplaySettings settings;
  settings.preset = imported.heap.preset;
  settings.geometry = imported.heap.geometry;
  Placements placements;
  const ReplayResult replay = replay_trace(trace, settings, nullptr, &placements);
  const ReplaySummary& s = replay.summary;
  EXPECT_EQ(replay.layout.pool_blocks, log.pool_blocks);
  EXPECT_EQ(s.collections_total, log.collections);
  EXPECT_EQ(s.collections_oom, log.no_free_mem_lines);
  EXPECT_EQ(s.collections_explicit, log.collections - log.no_free_mem_lines);
  EXPECT_EQ(s.collections_threshold, 0u);
  EXPECT_EQ(s.failures_alloc, log.failed_allocs);
  EXPECT_EQ(s.failures_realloc, 0u);
  EXPECT_EQ(s.observe_count, log.observe_lines);
  EXPECT_EQ(s.observe_max_diff_mem_alloc, 0u);
  EXPECT_EQ(s.observe_max_diff_mem_free, 0u);

  const LogFacts facts = read_facts(mpy_logs_dir() + "/" + log.file);
  std::vector<std::uint32_t> log_heads;
  for (std::uint64_t address : facts.alloc_addresses) {
    log_heads.push_back(static_cast<std::uint32_t>((address - imported.heap.pool_address) / 32));
  }
  EXPECT_EQ(placements.heads, log_heads);
  std::vector<std::uint32_t> heads_freed;
  for (const CollectionEntry& c : replay.collections) heads_freed.push_back(c.record.heads_freed);
  EXPECT_EQ(heads_freed, facts.sweeps_per_collection);

  if (!log.heap_maps) return;
  const std::string stdout_file =
      mpy_logs_dir() + "/" + log.file.substr(0, log.file.find(".log.gz")) + ".stdout.txt";
  const auto maps = read_heap_maps(stdout_file);
  EXPECT_EQ(maps.size(), 3u);
  for (const auto& [label, map] : maps) {
    EXPECT_EQ(map.size(), log.pool_blocks) << label;
    EXPECT_EQ(placements.maps[label], map) << label;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedSet, MpyLogRealTest, ::testing::ValuesIn(real_logs()),
                         [](const ::testing::TestParamInfo<RealLog>& param_info) {
                           std::string name = param_info.param.file;
                           name = name.substr(name.find_last_of('/') + 1);
                           name = name.substr(0, name.find(".log"));
                           for (char& c : name) {
                             if (c == '.') c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace gcsim
