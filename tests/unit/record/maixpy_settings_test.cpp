// The MaixPy stand-ins' settings as `gcsim record` checks and passes them
// (src/record/maixpy_settings.h): what each flag accepts, what it refuses and why, and the
// environment the child gets.
#include "record/maixpy_settings.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(MaixPySettings, KpuOutputTakesACountOrCountsPerModel) {
  for (const char* ok : {"1000", "20", "0x300000=10,0x400000=196", "0x300000=10,1000",
                         "/sd/m.kmodel=20", "3145728=5", "10000000"}) {
    EXPECT_EQ(kpu_output_error(ok), "") << ok;
  }
}

TEST(MaixPySettings, KpuOutputRefusesWhatTheStandInCouldNotRead) {
  EXPECT_EQ(kpu_output_error(""), "'' is not a count of values from 1 to 10000000");
  EXPECT_EQ(kpu_output_error("0"), "'0' is not a count of values from 1 to 10000000");
  EXPECT_EQ(kpu_output_error("10000001"), "'10000001' is not a count of values from 1 to 10000000");
  EXPECT_EQ(kpu_output_error("1000,"), "'' is not a count of values from 1 to 10000000");
  EXPECT_EQ(kpu_output_error("=10"), "'=10' names no model");
  EXPECT_EQ(kpu_output_error("0x30000g=10"),
            "'0x30000g' is neither a flash address (0x300000) nor a path (/sd/m.kmodel)");
  EXPECT_EQ(kpu_output_error("model=10"),
            "'model' is neither a flash address (0x300000) nor a path (/sd/m.kmodel)");
  EXPECT_EQ(kpu_output_error("0x300000=ten"), "'ten' is not a count of values from 1 to 10000000");
  EXPECT_EQ(kpu_output_error("-5"), "'-5' is not a count of values from 1 to 10000000");
}

TEST(MaixPySettings, DetectionsTakeCountsFromZero) {
  EXPECT_EQ(detections_error("0"), "");
  EXPECT_EQ(detections_error("1,0,2,1"), "");
  EXPECT_EQ(detections_error("1000"), "");
  EXPECT_EQ(detections_error("1001"), "'1001' is not a count of objects from 0 to 1000");
  EXPECT_EQ(detections_error("1,,2"), "'' is not a count of objects from 0 to 1000");
  EXPECT_EQ(detections_error("one"), "'one' is not a count of objects from 0 to 1000");
  EXPECT_EQ(detections_error(" 1"), "' 1' is not a count of objects from 0 to 1000");
}

TEST(MaixPySettings, OnlyTheSettingsGivenReachTheChild) {
  EXPECT_TRUE(maixpy_environment({}).empty());
  MaixPySettings all;
  all.frames = 0;
  all.kpu_output = "0x300000=10,1000";
  all.detections = "1,0";
  const std::vector<std::string> expected = {"GCSIM_FRAMES=0", "GCSIM_KPU_OUTPUT=0x300000=10,1000",
                                             "GCSIM_DETECTIONS=1,0"};
  EXPECT_EQ(maixpy_environment(all), expected);
}

}  // namespace
}  // namespace gcsim
