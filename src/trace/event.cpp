#include "trace/event.h"

#include <array>

namespace gcsim {
namespace {

constexpr std::array<std::string_view, 13> kOpNames = {
    "alloc",   "realloc", "free",    "drop",      "hold", "ref",    "unref",
    "collect", "enable",  "disable", "threshold", "mark", "observe"};

}  // namespace

std::string_view op_name(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

std::optional<Op> op_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kOpNames.size(); ++i) {
    if (kOpNames[i] == name) return static_cast<Op>(i);
  }
  return std::nullopt;
}

}  // namespace gcsim
