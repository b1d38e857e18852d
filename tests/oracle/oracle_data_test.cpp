// Question: do the oracle readers return exactly what the copied files hold, and do they
// reject malformed input loudly? The known numbers come from the files themselves and from
// the shared READMEs (tests/oracle/README.md).
#include "oracle_data.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zlib.h>

namespace gcsim::oracle {
namespace {

constexpr std::int64_t kMaxTraceId = (std::int64_t{1} << 53) - 1;

// By value: callers pass load_index()'s temporary.
OracleRun find_run(const std::vector<OracleRun>& runs, const std::string& trace,
                   std::uint64_t heap_bytes, const std::string& version) {
  for (const OracleRun& run : runs) {
    if (run.trace == trace && run.heap_bytes == heap_bytes && run.version == version) {
      return run;
    }
  }
  throw std::runtime_error(fmt::format("no run {}.{}.{}", trace, heap_bytes, version));
}

// The message of the std::runtime_error `action` throws, or "" if it throws none.
std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

// A scratch file named after the running test, so parallel test processes do not collide.
std::string scratch_path(const std::string& suffix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return (std::filesystem::path(::testing::TempDir()) /
          fmt::format("gcsim_oracle_{}_{}{}", info->test_suite_name(), info->name(), suffix))
      .string();
}

std::string write_plain(const std::string& suffix, const std::string& text) {
  const std::string path = scratch_path(suffix);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string write_gz(const std::string& suffix, const std::string& text) {
  const std::string path = scratch_path(suffix);
  gzFile file = gzopen(path.c_str(), "wb");
  if (file == nullptr) {
    throw std::runtime_error("cannot create " + path);
  }
  gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
  gzclose(file);
  return path;
}

TEST(OracleIndex, HasTwentySixRunsThirteenPerVersion) {
  const std::vector<OracleRun> runs = load_index();
  ASSERT_EQ(runs.size(), 26U);
  std::map<std::string, int> per_version;
  for (const OracleRun& run : runs) {
    ++per_version[run.version];
  }
  EXPECT_EQ(per_version["v1.11"], 13);
  EXPECT_EQ(per_version["v1.28.0"], 13);
}

TEST(OracleIndex, PathsPointIntoTheDataFolder) {
  const OracleRun run = find_run(load_index(), "edge-cases", 524288, "v1.11");
  const std::string data = data_dir();
  EXPECT_EQ(run.trace_file, data + "/edge-cases.json");
  EXPECT_EQ(run.csv, data + "/edge-cases.524288.v1.11.csv.gz");
  EXPECT_EQ(run.events_csv, data + "/edge-cases.524288.v1.11.events.csv.gz");
  EXPECT_EQ(run.blocks_csv, data + "/edge-cases.524288.v1.11.blocks.csv.gz");
  EXPECT_EQ(run.summary_json, data + "/edge-cases.524288.v1.11.summary.json");
  EXPECT_EQ(run.events, 245U);
  EXPECT_TRUE(std::filesystem::path(run.csv).is_absolute());
}

TEST(OracleStates, EdgeCases524288V111) {
  const OracleRun run = find_run(load_index(), "edge-cases", 524288, "v1.11");
  const std::vector<StateRow> states = load_states(run.csv);
  ASSERT_EQ(states.size(), 245U);
  EXPECT_EQ(states[0].event, 0U);
  EXPECT_EQ(states[0].mem_alloc, 0);
  EXPECT_EQ(states[0].mem_free, 518144);
  EXPECT_EQ(states[0].max_free, 518144);
  EXPECT_EQ(states[0].collections, 0);
  EXPECT_EQ(states[1].mem_alloc, 32);
  EXPECT_EQ(states[1].mem_free, 518112);

  const nlohmann::json summary = load_json(run.summary_json);
  EXPECT_EQ(summary["collections"]["total"], 37);
  EXPECT_EQ(summary["peak_mem_alloc"], 518144);
  EXPECT_EQ(summary["peak_mem_alloc_event"], 79);
  EXPECT_EQ(states.back().collections, 37);
}

TEST(OracleNotable, EdgeCases524288V111) {
  const OracleRun run = find_run(load_index(), "edge-cases", 524288, "v1.11");
  const std::vector<NotableEvent> notable = load_notable(run.events_csv);
  ASSERT_EQ(notable.size(), 63U);
  const NotableEvent& first = notable.front();
  EXPECT_EQ(first.event, 6U);
  EXPECT_EQ(first.what, "alloc_zero");
  EXPECT_EQ(first.id, 4000);
  EXPECT_EQ(first.size, 0);
  EXPECT_EQ(first.detail, "null");

  bool saw_huge_request = false;
  for (const NotableEvent& row : notable) {
    if (row.what == "alloc_fail" && row.id == 8003) {
      saw_huge_request = true;
      EXPECT_EQ(row.event, 84U);
      EXPECT_EQ(row.size, std::int64_t{1} << 40);
      EXPECT_EQ(row.detail, "exhausted");
      EXPECT_EQ(row.a, 518144);
      EXPECT_EQ(row.b, 518144);
    }
    if (row.what == "collect") {
      EXPECT_EQ(row.id, -1);
      EXPECT_EQ(row.size, -1);
    }
  }
  EXPECT_TRUE(saw_huge_request);
}

TEST(OraclePlacements, EdgeCases524288V111) {
  const OracleRun run = find_run(load_index(), "edge-cases", 524288, "v1.11");
  const std::vector<Placement> placements = load_placements(run.blocks_csv);
  ASSERT_EQ(placements.size(), 98U);
  EXPECT_EQ(placements[0].event, 1U);
  EXPECT_EQ(placements[0].id, 0U);
  EXPECT_EQ(placements[0].block, 0U);
  EXPECT_EQ(placements[0].blocks, 1U);
  EXPECT_EQ(placements[1].event, 2U);
  EXPECT_EQ(placements[1].id, static_cast<std::uint64_t>(kMaxTraceId));
  EXPECT_EQ(placements[1].block, 1U);
  EXPECT_EQ(placements.back().event, 221U);
  EXPECT_EQ(placements.back().id, 10406U);
  EXPECT_EQ(placements.back().block, 27U);
}

// Every run: one state row per event, numbered 0..n-1, ending at the summary's final state;
// the notable events agree with the summary's counts.
TEST(OracleData, EveryRunAgreesWithItsSummary) {
  for (const OracleRun& run : load_index()) {
    SCOPED_TRACE(run.csv);
    const nlohmann::json summary = load_json(run.summary_json);
    const std::vector<StateRow> states = load_states(run.csv);
    ASSERT_EQ(states.size(), run.events);
    EXPECT_EQ(summary["events"], run.events);
    for (std::size_t i = 0; i < states.size(); ++i) {
      ASSERT_EQ(states[i].event, i);
    }
    const nlohmann::json& final_state = summary["final"];
    EXPECT_EQ(states.back().mem_alloc, final_state["mem_alloc"]);
    EXPECT_EQ(states.back().mem_free, final_state["mem_free"]);
    EXPECT_EQ(states.back().max_free, final_state["max_free"]);
    EXPECT_EQ(states.back().collections, final_state["collections"]);

    std::map<std::string, std::int64_t> count;
    for (const NotableEvent& row : load_notable(run.events_csv)) {
      ++count[row.what == "collect" ? row.detail : row.what];
      if (row.detail == "fragmentation") {
        ++count["fragmentation"];
      }
    }
    EXPECT_EQ(count["explicit"], summary["collections"]["explicit"]);
    EXPECT_EQ(count["threshold"], summary["collections"]["threshold"]);
    EXPECT_EQ(count["oom"], summary["collections"]["oom"]);
    EXPECT_EQ(count["alloc_fail"], summary["failures"]["alloc"]);
    EXPECT_EQ(count["realloc_fail"], summary["failures"]["realloc"]);
    EXPECT_EQ(count["fragmentation"], summary["failures"]["fragmentation"]);
    EXPECT_EQ(count["alloc_zero"], summary["zero_size_allocs"]);

    EXPECT_FALSE(load_placements(run.blocks_csv).empty());
  }
}

// Each trace copy holds the index's event count: JSON documents in "events", JSONL files as a
// header line plus one line per event (list-growth is gzipped).
TEST(OracleTraces, EventCountsMatchTheIndex) {
  std::map<std::string, std::uint64_t> events_per_trace;
  for (const OracleRun& run : load_index()) {
    events_per_trace[run.trace_file] = run.events;
  }
  ASSERT_EQ(events_per_trace.size(), 6U);
  for (const auto& [trace_file, events] : events_per_trace) {
    SCOPED_TRACE(trace_file);
    if (trace_file.ends_with(".json")) {
      EXPECT_EQ(load_json(trace_file)["events"].size(), events);
    } else {
      EXPECT_EQ(read_gz_lines(trace_file).size(), events + 1);
    }
  }
}

TEST(OracleGeometry, KnownPoolSizes) {
  const nlohmann::json wasm = load_json(data_dir() + "/wasm-geometry.json");
  ASSERT_EQ(wasm["sizes"].size(), 20U);
  EXPECT_EQ(wasm["bytes_per_block"], 16);
  for (const nlohmann::json& size : wasm["sizes"]) {
    EXPECT_EQ(size["pool_bytes"].get<std::int64_t>(), 16 * size["pool_blocks"].get<std::int64_t>());
  }
  const nlohmann::json geometry = load_json(data_dir() + "/geometry.json");
  bool saw_512k = false;
  for (const nlohmann::json& entry : geometry["requested"]) {
    if (entry["heap_bytes"] == 524288) {
      saw_512k = true;
      EXPECT_EQ(entry["pool_blocks"], 16192);
      EXPECT_EQ(entry["mem_free"], 518144);
    }
  }
  EXPECT_TRUE(saw_512k);
}

// The MicroPython logs decompress to the line counts the shared READMEs give.
TEST(MpyLogs, LineCountsMatchCountsJson) {
  const nlohmann::json counts = load_json(mpy_logs_dir() + "/counts.json");
  ASSERT_EQ(counts.size(), 4U);
  for (const auto& [name, log_counts] : counts.items()) {
    SCOPED_TRACE(name);
    const std::vector<std::string> lines = read_gz_lines(mpy_logs_dir() + "/" + name + ".log.gz");
    EXPECT_EQ(lines.size(), log_counts["log_lines"]);
    std::uint64_t n_bytes = 0;
    for (const std::string& line : lines) {
      n_bytes += line.size() + 1;
    }
    EXPECT_EQ(n_bytes, log_counts["log_bytes"]);
  }
  const std::map<std::string, std::size_t> heapmap_lines{
      {"a_camera_preview_heapmap.heap512k", 89814},
      {"c_bigbuf_churn_heapmap.heap512k", 30608},
      {"c_bigbuf_churn_heapmap.heap128k", 50687},
      {"e_list_growth_heapmap.heap512k", 73110},
  };
  for (const auto& [name, n_lines] : heapmap_lines) {
    EXPECT_EQ(read_gz_lines(mpy_logs_dir() + "/heapmaps/" + name + ".log.gz").size(), n_lines)
        << name;
  }
}

TEST(ReadGzLines, PlainAndGzipGiveTheSameLines) {
  const std::string text = "first\n\nthird,with,commas\nlast without newline";
  const std::vector<std::string> expected{"first", "", "third,with,commas", "last without newline"};
  EXPECT_EQ(read_gz_lines(write_plain(".txt", text)), expected);
  EXPECT_EQ(read_gz_lines(write_gz(".txt.gz", text)), expected);
  EXPECT_EQ(read_gz_lines(write_plain(".nl.txt", "a\nb\n")), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(read_gz_lines(write_plain(".empty.txt", "")).empty());
}

TEST(ReadGzLines, KeepsLinesLongerThanTheReadBuffer) {
  const std::string long_line(300000, 'x');
  const std::vector<std::string> lines = read_gz_lines(write_gz(".gz", long_line + "\nend\n"));
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0], long_line);
  EXPECT_EQ(lines[1], "end");
}

TEST(ReadGzLines, MissingAndTruncatedFilesThrow) {
  const std::string missing = scratch_path(".does-not-exist");
  EXPECT_NE(error_of([&] { read_gz_lines(missing); }).find(missing + ": cannot open"),
            std::string::npos);

  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += fmt::format("{},{},{},{},{}\n", i, i * 32, 1000 - i, i % 7, i / 3);
  }
  const std::string whole = write_gz(".whole.gz", text);
  const std::uintmax_t n_bytes = std::filesystem::file_size(whole);
  std::string truncated_bytes(n_bytes / 2, '\0');
  std::ifstream(whole, std::ios::binary)
      .read(truncated_bytes.data(), static_cast<std::streamsize>(n_bytes / 2));
  const std::string truncated = write_plain(".truncated.gz", truncated_bytes);
  EXPECT_NE(error_of([&] { read_gz_lines(truncated); }).find(truncated + ":"), std::string::npos);
}

TEST(LoadStates, MalformedRowsNameFileAndLine) {
  const std::string header = "event,mem_alloc,mem_free,max_free,collections\n";
  const std::string good = header + "0,0,100,100,0\n1,32,68,68,0\n";
  EXPECT_EQ(load_states(write_gz(".good.csv.gz", good)).size(), 2U);

  const std::string bad_number = write_gz(".num.csv.gz", good + "2,32,6x,68,0\n");
  EXPECT_NE(error_of([&] {
              load_states(bad_number);
            }).find(bad_number + ":4: column mem_free: '6x' is not an integer"),
            std::string::npos);

  const std::string short_row = write_plain(".short.csv", header + "0,0,100,100\n");
  EXPECT_NE(error_of([&] { load_states(short_row); }).find(short_row + ":2: expected 5 fields"),
            std::string::npos);

  const std::string empty_field = write_plain(".field.csv", header + "0,,100,100,0\n");
  EXPECT_NE(error_of([&] { load_states(empty_field); }).find(empty_field + ":2:"),
            std::string::npos);

  const std::string blank_line = write_plain(".blank.csv", header + "0,0,100,100,0\n\n");
  EXPECT_NE(error_of([&] { load_states(blank_line); }).find(blank_line + ":3:"), std::string::npos);

  const std::string wrong_header = write_plain(".header.csv", "event,mem_alloc\n0,0\n");
  EXPECT_NE(error_of([&] { load_states(wrong_header); }).find(wrong_header + ":1: expected header"),
            std::string::npos);

  const std::string empty = write_plain(".empty.csv", "");
  EXPECT_NE(error_of([&] { load_states(empty); }).find(empty + ":1: empty file"),
            std::string::npos);
}

TEST(LoadNotable, ReadsExtremesAndRejectsUnknownKinds) {
  const std::string header = "event,what,id,size,detail,a,b\n";
  const std::string good = write_plain(
      ".good.csv", header + "5,alloc_fail,9007199254740991,1099511627776,fragmentation,64,32\n");
  const std::vector<NotableEvent> rows = load_notable(good);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].id, kMaxTraceId);
  EXPECT_EQ(rows[0].size, std::int64_t{1} << 40);

  const std::string unknown = write_plain(".unknown.csv", header + "5,allocate,1,2,null,0,0\n");
  EXPECT_NE(error_of([&] { load_notable(unknown); }).find(unknown + ":2: column what"),
            std::string::npos);

  const std::string bad_id = write_plain(".id.csv", header + "5,collect,1.5,-1,explicit,0,-1\n");
  EXPECT_NE(error_of([&] { load_notable(bad_id); }).find(bad_id + ":2: column id"),
            std::string::npos);
}

TEST(LoadPlacements, RejectsNegativeValues) {
  const std::string header = "event,id,block,blocks\n";
  const std::string negative = write_plain(".neg.csv", header + "1,0,0,1\n2,3,-1,1\n");
  EXPECT_NE(error_of([&] {
              load_placements(negative);
            }).find(negative + ":3: column block: '-1' is not a non-negative integer"),
            std::string::npos);
}

TEST(LoadJson, ParseErrorsNameTheFile) {
  EXPECT_EQ(load_json(write_gz(".json.gz", "{\"a\": [1, 2]}"))["a"].size(), 2U);
  const std::string bad = write_plain(".bad.json", "{\n  \"a\": [1, 2\n}\n");
  const std::string message = error_of([&] { load_json(bad); });
  EXPECT_NE(message.find(bad + ": "), std::string::npos);
  EXPECT_NE(message.find("line 3"), std::string::npos) << message;
}

}  // namespace
}  // namespace gcsim::oracle
