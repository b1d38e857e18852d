// Format: which file form does a path name, and is anything else refused by name?
#include "trace/format.h"

#include <gtest/gtest.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

TEST(TraceFormat, KindComesFromTheEnding) {
  EXPECT_EQ(trace_file_kind("a/camera.json"), TraceFileKind::json);
  EXPECT_EQ(trace_file_kind("camera.json.gz"), TraceFileKind::json);
  EXPECT_EQ(trace_file_kind("camera.jsonl"), TraceFileKind::jsonl);
  EXPECT_EQ(trace_file_kind("a.json/camera.jsonl.gz"), TraceFileKind::jsonl);
}

TEST(TraceFormat, OtherEndingsAreAnErrorNamingTheFile) {
  for (const char* path : {"camera.txt", "camera.json.bz2", "camera", "camera.JSON", "camera.gz"}) {
    try {
      trace_file_kind(path);
      ADD_FAILURE() << path << " was accepted";
    } catch (const TraceError& error) {
      EXPECT_EQ(error.info().file, path);
      EXPECT_EQ(error.info().rule, "unknown-extension");
      EXPECT_NE(error.info().detail.find(".jsonl.gz"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace gcsim
