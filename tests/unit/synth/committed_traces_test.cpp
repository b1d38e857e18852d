// traces/: is there a committed trace of every workload, made by the command its header names
// (so traces/README.md's command lines are exact), and does each replay on the k210 preset?
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "replay/driver.h"
#include "synth_support.h"
#include "trace/reader.h"

namespace gcsim::synth {
namespace {

const std::filesystem::path kTraces = std::filesystem::path(GCSIM_TEST_DATA_DIR) / ".." / "traces";

std::filesystem::path committed_trace(std::string_view name) {
  for (const char* ending : {".jsonl", ".jsonl.gz"}) {
    const std::filesystem::path p = kTraces / (std::string(name) + ending);
    if (std::filesystem::exists(p)) return p;
  }
  return {};
}

TEST(SynthCommittedTraces, EachWorkloadHasOneMadeByTheCommandInItsHeader) {
  const std::regex command(R"(^gcsim synth (\S+) --frames (\d+) --seed (\d+): )");
  for (const Workload& w : workloads()) {
    SCOPED_TRACE(std::string(w.name));
    const std::filesystem::path path = committed_trace(w.name);
    ASSERT_FALSE(path.empty()) << "no traces/" << w.name << ".jsonl[.gz]";
    EXPECT_LT(std::filesystem::file_size(path), 300u * 1024);
    TraceHeader header;
    const std::vector<Event> events = read_all_events(path.string(), &header);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(header.description, m, command)) << header.description;
    EXPECT_EQ(m[1].str(), w.name);
    const SynthOptions options{static_cast<std::uint32_t>(std::stoul(m[2].str())),
                               std::stoull(m[3].str())};
    EXPECT_EQ(header, synth_header(w, options));
    EXPECT_EQ(events, synthesize(w, options));
  }
}

TEST(SynthCommittedTraces, EachReplaysOnTheK210Preset) {
  ReplaySettings settings;
  settings.preset = "k210";
  settings.geometry = find_preset("k210")->params;
  for (const Workload& w : workloads()) {
    SCOPED_TRACE(std::string(w.name));
    const std::filesystem::path path = committed_trace(w.name);
    ASSERT_FALSE(path.empty());
    ReplayResult r;
    ASSERT_NO_THROW(r = replay_trace(path.string(), settings));
    EXPECT_GT(r.summary.allocations, 0u);
  }
}

}  // namespace
}  // namespace gcsim::synth
