// Where a log line ends: '\n', "\r\n" and a lone '\r' each end one, from a stream and from a
// file alike (the one rule of import/log_line_reader.h).
#include "import/log_line_reader.h"

#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

#include "import/mpy_log_line.h"
#include "import_files.h"
#include "trace/gz_source.h"

namespace gcsim {
namespace {

constexpr std::string_view kMixedEnds = "a\nb\r\nc\rd\r\re";
const std::vector<std::string> kMixedLines = {"a", "b", "c", "d", "", "e"};

TEST(LogLineReader, EndsALineAtNewlineCrLfAndALoneCr) {
  std::istringstream in{std::string(kMixedEnds)};
  std::vector<std::string> lines;
  std::string text;
  for (std::uint64_t line = 1; read_log_line(in, text, "stdin", line); ++line) {
    lines.push_back(text);
  }
  EXPECT_EQ(lines, kMixedLines);
}

TEST(LogLineReader, ReadsAFileAsAStream) {
  const test::ImportFiles files;
  GzSource source(files.write("mixed.log", kMixedEnds));
  std::vector<std::string> lines;
  std::string text;
  while (read_log_line_from(source, text, 64) == LogLineEnd::line) lines.push_back(text);
  EXPECT_EQ(lines, kMixedLines);
}

TEST(LogLineReader, StopsPastTheLimit) {
  std::istringstream in("12345\n");
  struct {
    std::istream& in;
    int peek() { return in.peek(); }
    void advance() { in.get(); }
  } bytes{in};
  std::string text;
  EXPECT_EQ(read_log_line_from(bytes, text, 4), LogLineEnd::too_long);
  EXPECT_EQ(text, "1234");
}

}  // namespace
}  // namespace gcsim
