// Every input the fuzzer ever found a problem with (tests/fuzz/regressions/, README there) and
// the hand-made corpus seeds go through the fuzz harness again: each must replay or be
// rejected cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "fuzz_replay.h"

namespace gcsim::fuzz {
namespace {

TEST(FuzzRegressions, EveryKeptInputReplaysOrIsRejectedCleanly) {
  const std::filesystem::path dir = std::filesystem::path(GCSIM_FUZZ_DIR) / "regressions";
  const std::string scratch = std::filesystem::temp_directory_path().string();
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    SCOPED_TRACE(entry.path().string());
    replay_once(bytes.data(), bytes.size(), scratch);
    ++n;
  }
  EXPECT_GT(n, 0u);
}

}  // namespace
}  // namespace gcsim::fuzz
