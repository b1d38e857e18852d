// Every input the fuzzer ever found a problem with (tests/fuzz/regressions/, README there) and
// the hand-made corpus seeds go through the fuzz harness again, and each must come to the
// outcome expected.txt gives it there: replayed with these counts, or rejected by this rule.
// An input without a line, or a line without its input, fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_inputs.h"
#include "fuzz_replay.h"

namespace gcsim::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(GCSIM_FUZZ_DIR) / "regressions";

// expected.txt: "FILE  OUTCOME" a line (FILE has no spaces); '#' starts a comment line.
std::map<std::string, std::string> expected_outcomes() {
  std::ifstream in(kDir / "expected.txt");
  std::map<std::string, std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string file, outcome;
    words >> file >> std::ws;
    std::getline(words, outcome);
    out[file] = outcome;
  }
  return out;
}

TEST(FuzzRegressions, EveryKeptInputComesToItsExpectedOutcome) {
  std::map<std::string, std::string> want = expected_outcomes();
  const std::string scratch = fs::temp_directory_path().string();
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "README.md" || name == "expected.txt") continue;
    SCOPED_TRACE(name);
    std::ifstream in(entry.path(), std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    // The file's name says its harness: import-* a debug log, config-* a sweep file.
    const auto once = name.starts_with("import-")   ? import_once
                      : name.starts_with("config-") ? config_once
                                                    : replay_once;
    const std::string got = once(bytes.data(), bytes.size(), scratch);
    const auto it = want.find(name);
    if (it == want.end()) {
      ADD_FAILURE() << "no line in expected.txt; this input gives: " << name << "  " << got;
      continue;
    }
    EXPECT_EQ(got, it->second);
    want.erase(it);
    ++n;
  }
  for (const auto& [name, outcome] : want)
    ADD_FAILURE() << "expected.txt names " << name << ", not there";
  EXPECT_GE(n, 2u);
}

}  // namespace
}  // namespace gcsim::fuzz
