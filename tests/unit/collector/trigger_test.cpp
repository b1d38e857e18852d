// Trigger: does gc.threshold store and read back what modgc.c does, and does the threshold
// check fire when gc_alloc's does (docs/collector.md §3 step 5, §6, §8)?
#include "collector/trigger.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace gcsim {
namespace {

TEST(Trigger, DefaultThresholdIsDisabledAndReadsMinusOne) {
  const Trigger t(32);
  EXPECT_EQ(t.threshold_blocks(), Trigger::kDisabled);
  EXPECT_EQ(t.threshold_bytes(), -1);
  EXPECT_TRUE(t.enabled());
  EXPECT_EQ(t.amount_blocks(), 0u);
  EXPECT_FALSE(t.threshold_due());
}

TEST(Trigger, ThresholdStoresBytesOverBlockRoundedDown) {
  Trigger t(32);
  t.set_threshold(1000);  // 1000 / 32 = 31 blocks → reads 31·32 = 992
  EXPECT_EQ(t.threshold_blocks(), 31u);
  EXPECT_EQ(t.threshold_bytes(), 992);
  t.set_threshold(20);  // 20 / 32 = 0 → reads 0
  EXPECT_EQ(t.threshold_blocks(), 0u);
  EXPECT_EQ(t.threshold_bytes(), 0);
  t.set_threshold(-5);  // negative → disabled → −1
  EXPECT_EQ(t.threshold_blocks(), Trigger::kDisabled);
  EXPECT_EQ(t.threshold_bytes(), -1);
  t.set_threshold(0);
  EXPECT_EQ(t.threshold_blocks(), 0u);
  t.set_threshold(32 * 40);
  EXPECT_EQ(t.threshold_blocks(), 40u);
  EXPECT_EQ(t.threshold_bytes(), 1280);
}

TEST(Trigger, ThresholdRoundingUsesTheBlockSize) {
  Trigger t(16);
  t.set_threshold(1010);  // 1010 / 16 = 63 → 1008
  EXPECT_EQ(t.threshold_blocks(), 63u);
  EXPECT_EQ(t.threshold_bytes(), 1008);
  t.set_threshold(16384);  // the wasm32 preset's default: 1024 blocks
  EXPECT_EQ(t.threshold_blocks(), 1024u);
  EXPECT_EQ(t.threshold_bytes(), 16384);
}

TEST(Trigger, DueWhenAmountReachesThreshold) {
  Trigger t(32);
  t.set_threshold(3 * 32);
  t.allocated(2);
  EXPECT_FALSE(t.threshold_due());
  t.allocated(1);
  EXPECT_TRUE(t.threshold_due());  // ≥, not >
  t.collection_started();
  EXPECT_EQ(t.amount_blocks(), 0u);
  EXPECT_FALSE(t.threshold_due());
}

TEST(Trigger, ZeroThresholdIsAlwaysDue) {
  Trigger t(32);
  t.set_threshold(0);
  EXPECT_TRUE(t.threshold_due());  // amount 0 ≥ 0
}

TEST(Trigger, DisabledIsNeverDueButKeepsCounting) {
  Trigger t(32);
  t.set_threshold(0);
  t.set_enabled(false);
  EXPECT_FALSE(t.enabled());
  EXPECT_FALSE(t.threshold_due());
  t.allocated(7);
  EXPECT_EQ(t.amount_blocks(), 7u);
  t.set_enabled(true);
  EXPECT_TRUE(t.threshold_due());
}

TEST(Trigger, SettingTheThresholdDoesNotResetTheAmount) {
  Trigger t(32);
  t.allocated(10);
  t.set_threshold(5 * 32);
  EXPECT_EQ(t.amount_blocks(), 10u);
  EXPECT_TRUE(t.threshold_due());
  t.set_threshold(-1);
  EXPECT_EQ(t.amount_blocks(), 10u);
  EXPECT_FALSE(t.threshold_due());
}

}  // namespace
}  // namespace gcsim
