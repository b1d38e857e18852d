// Test helpers for the import suites: a fresh temporary directory per test, and the path of
// the real MicroPython logs under tests/oracle/mpy-logs/.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unistd.h>

namespace gcsim::test {

inline std::string mpy_logs_dir() { return std::string(GCSIM_TEST_DATA_DIR) + "/oracle/mpy-logs"; }

class ImportFiles {
 public:
  ImportFiles() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->test_suite_name()) + "." + test->name();
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("gcsim-import-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~ImportFiles() { std::filesystem::remove_all(dir_); }
  ImportFiles(const ImportFiles&) = delete;
  ImportFiles& operator=(const ImportFiles&) = delete;

  std::string path(std::string_view name) const { return (dir_ / name).string(); }

  std::string write(std::string_view name, std::string_view content) const {
    const std::string file = path(name);
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace gcsim::test
