// The gcsim-sweep/2 JSON: the fields and their order, every metric of metrics.h in each cell,
// a round trip through the reader that gives the same bytes, and reader errors that name the
// file and the place.
#include "sweep/sweep_json.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sweep/recommend.h"
#include "sweep/sweep_json_read.h"
#include "sweep/sweep_report.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using json = nlohmann::ordered_json;

class SweepJson : public ::testing::Test {
 protected:
  SweepJson() : in_(test::load({test::kClasses}, "off,quarter", "4096,port")) {
    in_.spec.min_heap = true;
    in_.spec.min_heap_to = 65536;
    result_ = run_sweep(in_.spec, in_.traces, std::nullopt, 2);
    doc_ = sweep_to_json(make_report(result_, std::nullopt));
  }
  std::string read_error(const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json doc = nlohmann::json::parse(doc_.dump());
    edit(doc);
    try {
      sweep_from_json(doc, "x.json");
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "no error";
  }
  test::Loaded in_;
  SweepResult result_;
  json doc_;
};

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

TEST_F(SweepJson, TopLevelFieldsInOrder) {
  EXPECT_EQ(keys(doc_),
            (std::vector<std::string>{"schema", "traces", "grid", "recommendation", "cost_model",
                                      "k210_memory", "shard", "cells_total", "cells",
                                      "recommendations", "min_heap", "gate"}));
  EXPECT_EQ(doc_["schema"], "gcsim-sweep/2");
  EXPECT_EQ(doc_["cells_total"], 4);
  EXPECT_EQ(doc_["grid"]["thresholds"], json({"off", "quarter"}));
  EXPECT_EQ(doc_["shard"], nullptr);
  EXPECT_EQ(doc_["gate"], nullptr);
  EXPECT_EQ(doc_["traces"][0]["name"], "classes");
  EXPECT_EQ(doc_["traces"][0]["default_heap_bytes"], 524288);
}

TEST_F(SweepJson, EachCellHasItsSettingThenEveryMetric) {
  const json& cell = doc_["cells"][1];
  const std::vector<std::string> k = keys(cell);
  EXPECT_EQ(
      std::vector<std::string>(k.begin(), k.begin() + 9),
      (std::vector<std::string>{"index", "trace", "threshold", "heap", "threshold_requested",
                                "threshold_effective", "heap_bytes", "pool_blocks", "pool_bytes"}));
  EXPECT_EQ(std::vector<std::string>(k.end() - 4, k.end()),
            (std::vector<std::string>{"gc_cycles", "gc_time_ms", "margin", "safety"}));
  EXPECT_EQ(cell["margin"], nullptr);  // no --safety-margin
  EXPECT_EQ(cell["safety"], "fails");  // classes.jsonl fails on 4 KiB
  EXPECT_EQ(cell["threshold"], "quarter");
  EXPECT_EQ(cell["threshold_requested"], 3968 / 4);
  EXPECT_EQ(cell["threshold_effective"], 992);
  EXPECT_EQ(doc_["cells"][0]["threshold_requested"], -1);
  EXPECT_EQ(cell["heap_bytes"], 4096);
  EXPECT_EQ(keys(cell["collections"]),
            (std::vector<std::string>{"total", "threshold", "oom", "explicit"}));
  EXPECT_EQ(keys(cell["failures"]),
            (std::vector<std::string>{"total", "alloc", "realloc", "capacity", "fragmentation",
                                      "disabled"}));
  for (const Metric& m : replay_metrics()) {
    std::string pointer(m.key);
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    pointer.insert(pointer.begin(), '/');
    EXPECT_TRUE(cell.contains(json::json_pointer(pointer))) << m.key;
  }
  EXPECT_EQ(doc_["cells"][0]["peak_mem_alloc"], 3168);
}

TEST_F(SweepJson, RoundTripGivesTheSameBytes) {
  const SweepResult back = sweep_from_json(nlohmann::json::parse(doc_.dump()), "x.json");
  EXPECT_EQ(sweep_to_json(make_report(back, std::nullopt)).dump(2), doc_.dump(2));
  EXPECT_EQ(back.min_heaps.size(), 2u);
}

TEST_F(SweepJson, ReaderErrorsNameTheFileAndPlace) {
  EXPECT_EQ(read_error([](auto& d) { d["schema"] = "gcsim-replay/1"; }),
            "x.json: schema is \"gcsim-replay/1\", want \"gcsim-sweep/2\"");
  EXPECT_EQ(read_error([](auto& d) { d = nlohmann::json::array(); }),
            "x.json: schema is none, want \"gcsim-sweep/2\"");
  EXPECT_EQ(read_error([](auto& d) { d["cells"][3]["collections"].erase("oom"); }),
            "x.json: cells[3]: no 'collections.oom'");
  EXPECT_EQ(read_error([](auto& d) { d["cells"][0]["peak_mem_alloc"] = -4; }),
            "x.json: cells[0]: 'peak_mem_alloc' is not a count");
  EXPECT_EQ(read_error([](auto& d) { d["cells"][0]["index"] = 99; }),
            "x.json: cells[0]: index beyond the grid");
  EXPECT_EQ(
      read_error([](auto& d) { d["cells"][0]["threshold"] = "port"; }),
      "x.json: cells[0]: trace, threshold and heap do not match the cell's index in the grid");
  EXPECT_EQ(read_error([](auto& d) { d["cells"][1] = d["cells"][0]; }),
            "x.json: cells[1]: index not above the one before");
  EXPECT_EQ(read_error([](auto& d) { d["grid"]["thresholds"][0] = "lots"; }),
            "x.json: grid.thresholds: 'lots' is not a size (bytes: 524288, 512K, 512KiB, 3M or "
            "0x80000), a range, or one of off, quarter, port");
  EXPECT_EQ(read_error([](auto& d) { d["traces"][0]["geometry"].erase("rules"); }),
            "x.json: traces[0]: no 'geometry.rules'");
  EXPECT_EQ(read_error([](auto& d) {
              d["shard"] = {{"index", 3}, {"count", 2}};
            }),
            "x.json: shard: index not within 1..count");
  EXPECT_EQ(read_error([](auto& d) { d.erase("cells"); }), "x.json: no 'cells'");
}

TEST(SweepJsonFile, MissingOrNotJson) {
  EXPECT_THROW(read_sweep_json("/no/such/file.json"), std::runtime_error);
  try {
    read_sweep_json(test::kClasses);  // JSON Lines: not one document
  } catch (const std::runtime_error& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with(test::kClasses + ": not JSON: ")) << e.what();
  }
}

}  // namespace
}  // namespace gcsim::sweep
