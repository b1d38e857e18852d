// OutputFile: does a file appear only whole? Committed, the target holds every byte (gzipped
// when asked, read back through the trace reader's own GzSource); not committed — an exception
// mid-way — nothing is left, neither the target nor a temporary; a path that cannot be written
// fails before anything is written; several outputs appear together or not at all.
#include "cli/output_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "trace/gz_source.h"

namespace gcsim::cli {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public testing::Test {
 protected:
  OutputFileTest()
      : dir_(fs::temp_directory_path() / ("gcsim-output-file-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~OutputFileTest() override { fs::remove_all(dir_); }

  std::size_t files() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  fs::path dir_;
};

TEST_F(OutputFileTest, CommittedTheTargetHoldsEveryByte) {
  const fs::path target = dir_ / "out.json";
  OutputFile out(target.string());
  out.stream() << "{\"a\": 1}\n";
  EXPECT_FALSE(fs::exists(target));
  out.commit();
  EXPECT_EQ(read(target), "{\"a\": 1}\n");
  EXPECT_EQ(files(), 1u);
}

TEST_F(OutputFileTest, GzipIsDeflatedAndReadsBackWhole) {
  const fs::path target = dir_ / "out.jsonl.gz";
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{\"op\":\"alloc\",\"id\":" + std::to_string(i) + "}\n";
  {
    OutputFile out(target.string(), Compression::gzip);
    out.stream() << text;
    out.commit();
  }
  EXPECT_LT(fs::file_size(target), text.size() / 4);
  GzSource source(target.string());
  std::string back;
  for (int c; (c = source.peek()) >= 0; source.advance()) back += static_cast<char>(c);
  EXPECT_EQ(back, text);
  EXPECT_FALSE(source.gzip_truncated());
}

TEST_F(OutputFileTest, NotCommittedNothingIsLeft) {
  for (Compression c : {Compression::none, Compression::gzip}) {
    try {
      OutputFile out((dir_ / "out.jsonl").string(), c);
      out.stream() << "half a file";
      throw std::runtime_error("the replay failed");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(files(), 0u);
  }
}

TEST_F(OutputFileTest, AnUnwritablePathFailsAtOnceNamingIt) {
  const auto message = [](const fs::path& p) {
    try {
      OutputFile out(p.string());
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(dir_), "cannot write " + dir_.string() + ": it is a folder");
  EXPECT_EQ(
      message(dir_ / "missing" / "out.json"),
      "cannot write " + (dir_ / "missing" / "out.json").string() + ": No such file or directory");
  EXPECT_EQ(files(), 0u);
}

TEST_F(OutputFileTest, OutputsAppearTogetherOrNotAtAll) {
  const fs::path first = dir_ / "a.json";
  const fs::path second = dir_ / "sub" / "b.csv";
  std::ofstream(first) << "old\n";
  fs::create_directories(second.parent_path());
  std::optional<OutputFile> a(std::in_place, first.string());
  std::optional<OutputFile> b(std::in_place, second.string());
  a->stream() << "new\n";
  b->stream() << "new\n";
  fs::remove_all(second.parent_path());  // the second rename fails
  EXPECT_THROW(OutputFile::commit_all({&a, &b}), std::runtime_error);
  a.reset();
  b.reset();
  EXPECT_EQ(read(first), "old\n");
  EXPECT_EQ(files(), 1u);

  // A new first output is removed again, not left alone.
  fs::remove(first);
  fs::create_directories(second.parent_path());
  a.emplace(first.string());
  b.emplace(second.string());
  fs::remove_all(second.parent_path());
  EXPECT_THROW(OutputFile::commit_all({&a, &b}), std::runtime_error);
  a.reset();
  b.reset();
  EXPECT_EQ(files(), 0u);
}

TEST_F(OutputFileTest, CommittedOldFilesAreReplacedWithNoBackupLeft) {
  const fs::path first = dir_ / "a.json";
  std::ofstream(first) << "old\n";
  std::optional<OutputFile> a(std::in_place, first.string());
  std::optional<OutputFile> b(std::in_place, (dir_ / "b.csv").string());
  a->stream() << "new\n";
  OutputFile::commit_all({&a, &b});
  EXPECT_EQ(read(first), "new\n");
  EXPECT_EQ(files(), 2u);
}

}  // namespace
}  // namespace gcsim::cli
