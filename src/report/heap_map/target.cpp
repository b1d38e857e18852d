#include "report/heap_map/target.h"

#include <fmt/format.h>
#include <charconv>
#include <optional>
#include <stdexcept>

namespace gcsim {
namespace {

std::optional<std::uint64_t> parse_number(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

[[noreturn]] void bad(std::string_view text, std::string_view why) {
  throw std::invalid_argument(
      fmt::format("--at {}: {} (want EVENT, peak, end, fail:K or mark:LABEL[#K])", text, why));
}

}  // namespace

HeapMapTarget parse_heap_map_target(std::string_view text) {
  if (text == "peak") return {HeapMapTarget::Kind::peak, 0, {}};
  if (text == "end") return {HeapMapTarget::Kind::end, 0, {}};
  if (text.starts_with("fail:")) {
    const auto k = parse_number(text.substr(5));
    if (!k || *k == 0) bad(text, "K counts MemoryErrors from 1");
    return {HeapMapTarget::Kind::failure, *k, {}};
  }
  if (text.starts_with("mark:")) {
    std::string_view label = text.substr(5);
    std::uint64_t k = 1;
    bool numbered = false;
    if (const auto hash = label.rfind('#'); hash != std::string_view::npos) {
      if (const auto n = parse_number(label.substr(hash + 1))) {
        if (*n == 0) bad(text, "K counts marks from 1");
        k = *n;
        numbered = true;
        label = label.substr(0, hash);
      }
    }
    if (label.empty()) bad(text, "the mark needs a label");
    return {HeapMapTarget::Kind::mark, k, std::string(label), numbered};
  }
  if (const auto event = parse_number(text)) return {HeapMapTarget::Kind::event, *event, {}};
  bad(text, "not a heap-map point");
}

}  // namespace gcsim
