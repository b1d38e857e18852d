// curve: coarsened() merges neighbouring buckets in equal groups and keeps each group's lowest
// and highest values, so a spike in one bucket survives the merge.
#include <gtest/gtest.h>

#include <vector>

#include "report/curve.h"

namespace gcsim {
namespace {

TEST(Curve, CoarsenedKeepsMinAndMax) {
  Curve curve(16);
  const std::uint64_t mem_alloc[] = {5, 1, 9, 2, 7};
  for (std::uint64_t e = 0; e < 5; ++e) {
    curve.sample(StateSample{.event = e, .mem_alloc = mem_alloc[e]});
  }
  // 5 buckets, at most 2: groups of 3, events 0–2 and 3–4.
  const std::vector<CurveBucket> merged = coarsened(curve.buckets(), 2);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].first_event, 0u);
  EXPECT_EQ(merged[0].last_event, 2u);
  EXPECT_EQ(merged[0].min_mem_alloc, 1u);
  EXPECT_EQ(merged[0].max_mem_alloc, 9u);
  EXPECT_EQ(merged[1].first_event, 3u);
  EXPECT_EQ(merged[1].last_event, 4u);
  EXPECT_EQ(merged[1].min_mem_alloc, 2u);
  EXPECT_EQ(merged[1].max_mem_alloc, 7u);
  EXPECT_EQ(coarsened(curve.buckets(), 5).size(), 5u);  // room for all: unchanged
}

}  // namespace
}  // namespace gcsim
