// The typed error every stage of reading and checking a trace throws: it names the file, the
// event (index from 0, and the line for .jsonl), the rule that was broken and what was found.
// cli/ prints message() once, as one line, and exits 2.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace gcsim {

struct TraceErrorInfo {
  std::string file{};                    // as the user named it
  std::optional<std::uint64_t> event{};  // index of the event, counting from 0
  std::optional<std::uint64_t> line{};   // 1-based line (.jsonl, or where JSON parsing stopped)
  std::string rule{};                    // short stable name, e.g. "unknown-op"
  std::string detail{};  // what was found, for a person: one line, cut to ~200 bytes
};

class TraceError : public std::runtime_error {
 public:
  explicit TraceError(TraceErrorInfo info);
  const TraceErrorInfo& info() const { return info_; }

 private:
  TraceErrorInfo info_;
};

// "FILE:LINE: event N: RULE: DETAIL" with the parts that are known.
std::string format_trace_error(const TraceErrorInfo& info);

}  // namespace gcsim
