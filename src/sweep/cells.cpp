#include "sweep/cells.h"

#include <fmt/format.h>
#include <charconv>

#include "text/quote.h"

namespace gcsim::sweep {

Shard parse_shard(std::string_view text) {
  const auto bad = [&] {
    return std::invalid_argument(
        fmt::format("{} is not a shard: want I/N with 1 <= I <= N, e.g. 2/4", quote(text)));
  };
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) throw bad();
  Shard s;
  const char* const mid = text.data() + slash;
  const char* const end = text.data() + text.size();
  const auto [i_end, i_ec] = std::from_chars(text.data(), mid, s.index);
  const auto [n_end, n_ec] = std::from_chars(mid + 1, end, s.count);
  if (i_ec != std::errc() || i_end != mid || n_ec != std::errc() || n_end != end) throw bad();
  if (s.count == 0 || s.index == 0 || s.index > s.count) throw bad();
  return s;
}

}  // namespace gcsim::sweep
