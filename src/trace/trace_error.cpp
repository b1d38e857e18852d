#include "trace/trace_error.h"

#include <fmt/format.h>

namespace gcsim {

TraceError::TraceError(TraceErrorInfo info)
    : std::runtime_error(format_trace_error(info)), info_(std::move(info)) {}

std::string format_trace_error(const TraceErrorInfo& info) {
  std::string out = info.file.empty() ? std::string("<trace>") : info.file;
  if (info.line) out += fmt::format(":{}", *info.line);
  out += ": ";
  if (info.event) out += fmt::format("event {}: ", *info.event);
  out += info.rule;
  if (!info.detail.empty()) out += ": " + info.detail;
  return out;
}

}  // namespace gcsim
