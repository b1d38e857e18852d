// Sweep config files: every key read, paths taken relative to the file's folder, lists as a
// string or an array, and every mistake (unknown key, wrong type, bad budget) an error naming
// the file.
#include "sweep/config.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace gcsim::sweep {
namespace {

class SweepConfigFile : public ::testing::Test {
 protected:
  SweepConfigFile()
      : dir_(std::filesystem::temp_directory_path() /
             ("gcsim-sweep-config-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_ / "ci");
  }
  ~SweepConfigFile() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& text) {
    const std::string path = (dir_ / "ci" / "sweep.json").string();
    std::ofstream(path) << text;
    return path;
  }
  std::string error_of(const std::string& text) {
    const std::string path = write(text);
    try {
      read_sweep_config(path);
    } catch (const std::runtime_error& e) {
      const std::string what = e.what();
      return what.starts_with(path + ": ") ? what.substr(path.size() + 2) : what;
    }
    return "no error";
  }
  std::filesystem::path dir_;
};

TEST_F(SweepConfigFile, ReadsEveryKey) {
  const SweepConfig c = read_sweep_config(write(R"({
    "traces": ["../traces/a.jsonl", "/abs/b.jsonl"],
    "preset": "k210",
    "thresholds": ["off", "quarter", 4096, "8K..32K*2"],
    "heap_sizes": "port,256K",
    "min_heap": true,
    "min_heap_to": "2M",
    "prefer": "gc-time",
    "safety_margin": 8192,
    "baseline": "baseline.json",
    "tolerance": "collections=5%",
    "budgets": {"*": {"max_failures": 0}, "a": {"max_collections": 40, "max_peak": 200000, "min_largest_free": 4096}}
  })"));
  EXPECT_EQ(c.traces,
            (std::vector<std::string>{(dir_ / "traces/a.jsonl").string(), "/abs/b.jsonl"}));
  EXPECT_EQ(c.preset, "k210");
  EXPECT_EQ(c.thresholds, "off,quarter,4096,8K..32K*2");
  EXPECT_EQ(c.heap_sizes, "port,256K");
  EXPECT_EQ(c.min_heap, true);
  EXPECT_EQ(c.min_heap_to, "2M");
  EXPECT_EQ(c.prefer, "gc-time");
  EXPECT_EQ(c.safety_margin, "8192");
  EXPECT_EQ(c.baseline, (dir_ / "ci/baseline.json").string());
  EXPECT_EQ(c.tolerance, "collections=5%");
  ASSERT_EQ(c.budgets.size(), 2u);
  EXPECT_EQ(c.budgets.at("*").max_failures, 0u);
  EXPECT_EQ(c.budgets.at("a"), (Budget{std::nullopt, 40, 200000, 4096}));
}

TEST_F(SweepConfigFile, AFolderStandsForItsTracesInNameOrder) {
  std::filesystem::create_directories(dir_ / "traces");
  for (const char* name : {"b.jsonl.gz", "a.jsonl", "c.json", "README.md", "d.json.gz"}) {
    std::ofstream((dir_ / "traces" / name).string()) << "";
  }
  const SweepConfig c = read_sweep_config(write(R"({"traces": ["../traces", "x.jsonl"]})"));
  const std::string t = (dir_ / "traces").string() + "/";
  EXPECT_EQ(c.traces, (std::vector<std::string>{t + "a.jsonl", t + "b.jsonl.gz", t + "c.json",
                                                t + "d.json.gz", (dir_ / "ci/x.jsonl").string()}));
  std::filesystem::remove_all(dir_ / "traces");
  std::filesystem::create_directories(dir_ / "traces");
  EXPECT_EQ(error_of(R"({"traces": ["../traces/"]})"),
            "the folder " + t + " in 'traces' holds no trace");
}

TEST_F(SweepConfigFile, EveryKeyIsOptional) {
  const SweepConfig c = read_sweep_config(write("{}"));
  EXPECT_TRUE(c.traces.empty());
  EXPECT_FALSE(c.thresholds);
  EXPECT_TRUE(c.budgets.empty());
}

TEST_F(SweepConfigFile, Errors) {
  EXPECT_TRUE(error_of("{").starts_with("not JSON: "));
  EXPECT_EQ(error_of(R"({"prefer": "heap", "prefer": "gc-time"})"),
            "\"prefer\" twice in one object");
  EXPECT_EQ(error_of(R"({"traces": )" + std::string(100, '[') + std::string(100, ']') + "}"),
            "too deep: nested deeper than 64 arrays and objects");
  EXPECT_EQ(error_of("[]"), "not a JSON object");
  EXPECT_EQ(error_of(R"({"treshold": "off"})"),
            "unknown key 'treshold' (traces, preset, thresholds, heap_sizes, min_heap, "
            "min_heap_to, prefer, safety_margin, baseline, tolerance, budgets)");
  EXPECT_EQ(error_of(R"({"prefer": 1})"), "'prefer' is not a string");
  EXPECT_EQ(error_of(R"({"traces": "a.jsonl"})"), "'traces' is not an array of paths");
  EXPECT_EQ(error_of(R"({"traces": [1]})"), "'traces' holds a path that is not a string");
  EXPECT_EQ(error_of(R"({"thresholds": 4096})"),
            "'thresholds' is neither a LIST string nor an array");
  EXPECT_EQ(error_of(R"({"thresholds": [1.5]})"),
            "'thresholds' holds an item that is not a string or a whole number");
  EXPECT_EQ(error_of(R"({"min_heap": 1})"), "'min_heap' is not true or false");
  EXPECT_EQ(error_of(R"({"budgets": []})"), "'budgets' is not an object of trace names");
  EXPECT_EQ(error_of(R"({"budgets": {"a": 3}})"), "budgets.a is not an object");
  EXPECT_EQ(error_of(R"({"budgets": {"a": {"max_peek": 3}}})"),
            "budgets.a: unknown key 'max_peek' (max_failures, max_collections, max_peak, "
            "min_largest_free)");
  EXPECT_EQ(error_of(R"({"budgets": {"a": {"max_peak": -3}}})"),
            "budgets.a.max_peak is not a count >= 0");
  EXPECT_THROW(read_sweep_config((dir_ / "none.json").string()), std::runtime_error);
}

}  // namespace
}  // namespace gcsim::sweep
