// Shards and merge: the shards of N, each written as JSON and read back, merge into exactly
// the JSON one unsharded run writes (cells, min heaps and recommendations), in any file order;
// shards that do not make one sweep are refused with the file named.
#include "sweep/merge.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "sweep/recommend.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_json_read.h"
#include "sweep/sweep_report.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using test::json_of;

// The shard as a file would hold it: written, then read back.
ShardFile through_json(const SweepResult& r, const std::string& name) {
  return {name, sweep_from_json(nlohmann::json::parse(json_of(r)), name), std::nullopt};
}

class SweepShardMerge : public ::testing::Test {
 protected:
  SweepShardMerge()
      : in_(test::load({test::kClasses, test::kFragmentation}, "off,quarter,32K", "port,64K")) {
    in_.spec.min_heap = true;
    in_.spec.min_heap_to = 262144;
  }
  std::vector<ShardFile> shards(std::uint32_t n) {
    std::vector<ShardFile> out;
    for (std::uint32_t i = 1; i <= n; ++i) {
      out.push_back(through_json(run_sweep(in_.spec, in_.traces, Shard{i, n}, 2),
                                 "shard" + std::to_string(i) + ".json"));
    }
    return out;
  }
  std::string merge_error(std::vector<ShardFile> s) {
    try {
      merge_shards(std::move(s));
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "no error";
  }
  test::Loaded in_;
};

TEST_F(SweepShardMerge, ShardsMergeIntoTheSingleRun) {
  const std::string single = json_of(run_sweep(in_.spec, in_.traces, std::nullopt, 2));
  for (std::uint32_t n : {1u, 3u, 40u}) {  // 40 shards: more than the 12 cells
    std::vector<ShardFile> s = shards(n);
    std::reverse(s.begin(), s.end());
    EXPECT_EQ(json_of(merge_shards(std::move(s))), single) << n << " shards";
  }
}

TEST_F(SweepShardMerge, AShardHoldsItsShareAndNoRecommendation) {
  const SweepResult r = run_sweep(in_.spec, in_.traces, Shard{2, 3}, 1);
  for (const CellResult& c : r.cells) EXPECT_EQ(c.index % 3, 1u);
  EXPECT_EQ(r.cells.size(), 4u);  // 1, 4, 7, 10 of 12
  EXPECT_TRUE(recommend(r).empty());
}

TEST_F(SweepShardMerge, RefusesShardsThatDoNotMakeOneSweep) {
  in_.spec.min_heap = false;
  std::vector<ShardFile> s = shards(3);
  EXPECT_EQ(merge_error({s[0], s[2]}), "shard 2/3 is missing");
  EXPECT_EQ(merge_error({s[0], s[1], s[2], s[1]}), "shard2.json: shard 2/3 is also shard2.json");
  std::vector<ShardFile> of4 = shards(4);
  EXPECT_EQ(merge_error({s[0], of4[1]}),
            "shard2.json: shard 2/4 does not fit shard1.json's 3 shards");
  ShardFile other = s[1];
  other.result.spec.cost.cycles_per_block_swept += 1;
  EXPECT_EQ(
      merge_error({s[0], other, s[2]}),
      "shard2.json: a shard of another sweep than shard1.json (traces, grid or cost model differ)");
  ShardFile whole = through_json(run_sweep(in_.spec, in_.traces, std::nullopt, 2), "whole.json");
  EXPECT_EQ(merge_error({whole}),
            "whole.json: not a shard (it has no \"shard\"); merge joins --shard results");
  ShardFile short_one = s[1];
  short_one.result.cells.pop_back();
  EXPECT_EQ(merge_error({s[0], short_one, s[2]}), "cell 10 is missing or twice");
  ShardFile gated = s[1];
  gated.gate = GateSettings{};
  gated.gate->budgets["classes"].max_failures = 0;
  EXPECT_EQ(merge_error({s[0], gated, s[2]}),
            "shard2.json: gated differently from shard1.json (baseline, tolerance or budgets)");
}

}  // namespace
}  // namespace gcsim::sweep
