// Exit codes: is bad input exit 2 with the error's own line, and a fault of gcsim's own (a broken
// invariant, no memory, something unexpected) exit 3 "internal error", never bad input?
#include "cli/exit_codes.h"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>

#include "trace/trace_error.h"

namespace gcsim::cli {
namespace {

Failure failure_of_thrown(auto error) { return failure_of(std::make_exception_ptr(error)); }

TEST(ExitCodes, BadInputIsExit2WithItsOwnLine) {
  const Failure trace = failure_of_thrown(
      TraceError({.file = "t.jsonl", .line = 3, .rule = "not-json", .detail = "column 1"}));
  EXPECT_EQ(trace.exit_code, kExitBadInput);
  EXPECT_EQ(trace.message, "gcsim: t.jsonl:3: not-json: column 1");
  const Failure setting = failure_of_thrown(std::invalid_argument("heap size 3 makes no heap"));
  EXPECT_EQ(setting.exit_code, 2);
  EXPECT_EQ(setting.message, "gcsim: heap size 3 makes no heap");
  const Failure file = failure_of_thrown(std::runtime_error("cannot write /x: it is a folder"));
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_EQ(file.message, "gcsim: cannot write /x: it is a folder");
}

TEST(ExitCodes, AFaultOfGcsimsOwnIsExit3InternalError) {
  const Failure logic = failure_of_thrown(std::logic_error("RunLengths: no free run"));
  EXPECT_EQ(logic.exit_code, kExitInternal);
  EXPECT_EQ(logic.exit_code, 3);
  EXPECT_EQ(logic.message, "gcsim: internal error: RunLengths: no free run");
  const Failure range = failure_of_thrown(std::out_of_range("no cell 7"));
  EXPECT_EQ(range.exit_code, 3);
  EXPECT_EQ(range.message, "gcsim: internal error: no cell 7");
  const Failure memory = failure_of_thrown(std::bad_alloc());
  EXPECT_EQ(memory.exit_code, 3);
  EXPECT_EQ(memory.message, "gcsim: internal error: out of memory");
  const Failure unknown = failure_of_thrown(42);
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_EQ(unknown.message, "gcsim: internal error: an unknown exception");
}

// A message quoting a 10 MB path from a config, or a line break and an ESC, is still one short
// line: cut at 1,000 bytes between UTF-8 characters, control characters as '?'.
TEST(ExitCodes, AnyMessageIsOneShortLine) {
  const Failure path =
      failure_of_thrown(std::runtime_error("cannot read " + std::string(10000000, 'p')));
  EXPECT_EQ(path.exit_code, 2);
  EXPECT_EQ(path.message, "gcsim: cannot read " + std::string(1000 - 12, 'p') + "…");
  const Failure utf8 = failure_of_thrown(std::invalid_argument(std::string(999, 'x') + "é"));
  EXPECT_EQ(utf8.message, "gcsim: " + std::string(999, 'x') + "…");
  const Failure controls = failure_of_thrown(std::runtime_error("a\nb\x1b[31mc"));
  EXPECT_EQ(controls.message, "gcsim: a?b?[31mc");
}

}  // namespace
}  // namespace gcsim::cli
