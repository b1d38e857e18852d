#include "sweep/grid.h"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "text/byte_size.h"
#include "text/quote.h"

namespace gcsim::sweep {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string_view axis_name(GridAxis axis) {
  return axis == GridAxis::threshold ? "threshold" : "heap size";
}

std::uint64_t max_bytes(GridAxis axis) {
  return axis == GridAxis::threshold ? kMaxThresholdBytes : kMaxHeapBytes;
}

// "4096", "4K", "512KiB", "1M", "0x80000": bytes. `item` is the list item `text` stands in, for
// errors.
std::uint64_t parse_size(std::string_view text, std::string_view item, GridAxis axis) {
  const std::optional<std::uint64_t> bytes = parse_byte_size(text);
  if (!bytes) {
    if (text != item)
      throw GridError(fmt::format("{} in {} is not a size", quote(text), quote(item)));
    throw GridError(fmt::format("{} is not a size ({}), a range, or one of {}", quote(item),
                                kByteSizeForms,
                                axis == GridAxis::threshold ? "off, quarter, port" : "port"));
  }
  const std::uint64_t limit = max_bytes(axis);
  if (*bytes > limit) {
    throw GridError(
        fmt::format("{}: a {} is at most {} bytes", quote(item), axis_name(axis), limit));
  }
  return *bytes;
}

// "A..B*F" (geometric) or "A..B+S" (linear), all sizes; appends the values to `out`.
void parse_range(std::string_view item, GridAxis axis, std::vector<std::uint64_t>& out) {
  const std::size_t dots = item.find("..");
  const std::string_view rest = item.substr(dots + 2);
  const std::size_t op_at = rest.find_first_of("*+");
  if (op_at == std::string_view::npos) {
    throw GridError(
        fmt::format("range {} needs a step: A..B*FACTOR (geometric) or "
                    "A..B+STEP (linear)",
                    quote(item)));
  }
  const bool geometric = rest[op_at] == '*';
  const std::uint64_t first = parse_size(item.substr(0, dots), item, axis);
  const std::uint64_t last = parse_size(rest.substr(0, op_at), item, axis);
  const std::string_view step_text = rest.substr(op_at + 1);
  if (first > last) {
    throw GridError(fmt::format("range {} starts above its end", quote(item)));
  }
  std::uint64_t step = 0;
  if (geometric) {
    const auto [end, ec] =
        std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
    if (step_text.empty() || ec != std::errc() || end != step_text.data() + step_text.size() ||
        step < 2) {
      throw GridError(
          fmt::format("range {}: the factor after * must be a whole number "
                      "of at least 2",
                      quote(item)));
    }
    if (first == 0) {
      throw GridError(fmt::format("range {}: a geometric range cannot start at 0", quote(item)));
    }
  } else {
    step = parse_size(step_text, item, axis);
    if (step == 0) {
      throw GridError(fmt::format("range {}: the step after + must be above 0", quote(item)));
    }
  }
  for (std::uint64_t v = first; v <= last;) {
    if (out.size() >= kMaxGridValues) {
      throw GridError(
          fmt::format("range {} makes more than {} values", quote(item), kMaxGridValues));
    }
    out.push_back(v);
    if (geometric ? step > last / v : step > last - v) break;  // the next one would pass the end
    v = geometric ? v * step : v + step;
  }
}

void add_unique(std::vector<GridValue>& list, const GridValue& v) {
  if (std::find(list.begin(), list.end(), v) != list.end()) return;
  if (list.size() >= kMaxGridValues) {
    throw GridError(fmt::format("a list holds at most {} values", kMaxGridValues));
  }
  list.push_back(v);
}

}  // namespace

std::string GridValue::label() const {
  switch (kind) {
    case GridKind::off:
      return "off";
    case GridKind::quarter:
      return "quarter";
    case GridKind::port:
      return "port";
    case GridKind::bytes:
      break;
  }
  return std::to_string(n_bytes);
}

std::vector<GridValue> parse_grid_list(std::string_view text, GridAxis axis) {
  std::vector<GridValue> list;
  if (trim(text).empty()) throw GridError(fmt::format("the {} list is empty", axis_name(axis)));
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view item = trim(text.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) {
      throw GridError(fmt::format("empty item in the {} list {}", axis_name(axis), quote(text)));
    }
    const bool threshold = axis == GridAxis::threshold;
    // "-0" is no negative amount: a typo, not "off".
    const bool negative = item.front() == '-' && item.size() > 1 &&
                          item.find_first_not_of("0123456789", 1) == std::string_view::npos &&
                          item.find_first_not_of('0', 1) != std::string_view::npos;
    if (item == "port") {
      add_unique(list, {GridKind::port, 0});
    } else if (item == "off" || item == "quarter" || negative) {
      if (!threshold) {
        throw GridError(
            fmt::format("{} is not a heap size (off, -1 and quarter are thresholds)", quote(item)));
      }
      add_unique(list, {item == "quarter" ? GridKind::quarter : GridKind::off, 0});
    } else if (item.find("..") != std::string_view::npos) {
      std::vector<std::uint64_t> values;
      parse_range(item, axis, values);
      for (std::uint64_t v : values) add_unique(list, {GridKind::bytes, v});
    } else {
      add_unique(list, {GridKind::bytes, parse_size(item, item, axis)});
    }
  }
  if (axis == GridAxis::heap_size) {
    for (const GridValue& v : list) {
      if (v.kind == GridKind::bytes && v.n_bytes == 0) {
        throw GridError("a heap size of 0 makes no heap");
      }
    }
  }
  return list;
}

std::int64_t resolve_threshold(const GridValue& value, const Layout& layout,
                               std::int64_t port_threshold_bytes) {
  switch (value.kind) {
    case GridKind::off:
      return -1;
    // gc.mem_free() // 4 + gc.mem_alloc() on an empty heap: mem_free is the pool, mem_alloc 0.
    case GridKind::quarter:
      return static_cast<std::int64_t>(layout.pool_bytes / 4);
    case GridKind::port:
      return port_threshold_bytes;
    case GridKind::bytes:
      break;
  }
  return static_cast<std::int64_t>(value.n_bytes);
}

std::uint64_t resolve_heap_bytes(const GridValue& value, std::uint64_t port_heap_bytes) {
  return value.kind == GridKind::port ? port_heap_bytes : value.n_bytes;
}

}  // namespace gcsim::sweep
