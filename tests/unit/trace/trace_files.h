// Test helpers for the trace suites: a fresh temporary directory per test holding small trace
// files (gzipped when the name ends in .gz), and the TraceError a read is expected to throw.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include "trace/reader.h"
#include "trace/trace_error.h"

namespace gcsim::test {

class TraceFiles {
 public:
  TraceFiles() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->test_suite_name()) + "." + test->name();
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("gcsim-trace-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TraceFiles() { std::filesystem::remove_all(dir_); }
  TraceFiles(const TraceFiles&) = delete;
  TraceFiles& operator=(const TraceFiles&) = delete;

  std::string path(std::string_view name) const { return (dir_ / name).string(); }

  // Writes `content` to `name` in the directory, gzipped if the name ends in .gz.
  std::string write(std::string_view name, std::string_view content) const {
    const std::string file = path(name);
    if (name.ends_with(".gz")) {
      gzFile gz = gzopen(file.c_str(), "wb");
      EXPECT_NE(gz, nullptr);
      EXPECT_EQ(gzwrite(gz, content.data(), static_cast<unsigned>(content.size())),
                static_cast<int>(content.size()));
      gzclose(gz);
    } else {
      std::ofstream(file, std::ios::binary) << content;
    }
    return file;
  }

 private:
  std::filesystem::path dir_;
};

// The TraceError that reading `path` throws; fails the test if none is thrown or the message
// spans more than one line.
inline TraceErrorInfo read_error(const std::string& path) {
  try {
    read_all_events(path);
  } catch (const TraceError& error) {
    EXPECT_EQ(std::string_view(error.what()).find_first_of("\r\n"), std::string_view::npos)
        << error.what();
    return error.info();
  }
  ADD_FAILURE() << "reading " << path << " did not throw";
  return {};
}

}  // namespace gcsim::test
