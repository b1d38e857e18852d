#include "report/ascii_chart.h"

#include <fmt/ostream.h>
#include <algorithm>
#include <string>

#include "text/number_format.h"
#include "text/text_wrap.h"

namespace gcsim {
namespace {

// "0      events      22" across the plot's columns; "events" goes where there is room.
std::string axis_labels(std::uint64_t first, std::uint64_t last, std::size_t columns) {
  const std::string left = grouped(first), right = grouped(last);
  const std::string_view middle = "events";
  const std::size_t ends = left.size() + right.size();
  if (columns < ends + middle.size() + 2) {
    return left + std::string(columns > ends ? columns - ends : 1, ' ') + right;
  }
  const std::size_t before = (columns - ends - middle.size()) / 2;
  const std::size_t after = columns - ends - middle.size() - before;
  return left + std::string(before, ' ') + std::string(middle) + std::string(after, ' ') + right;
}

}  // namespace

void print_ascii_chart(std::ostream& out, const Curve& curve, const ChartMarks& marks,
                       const TerminalStyle& style, std::size_t height) {
  const auto& buckets = curve.buckets();
  if (buckets.empty() || marks.pool_bytes == 0) return;
  const std::uint64_t first = buckets.front().first_event;
  const std::uint64_t last = buckets.back().last_event;
  const std::uint64_t span = last - first + 1;
  const std::string top_label = fmt::format("{:.1f}", static_cast<double>(marks.pool_bytes) / 1024);
  const std::size_t label_width = top_label.size();
  // The plot takes the width left of the label and " |".
  const std::size_t plot_width = style.width - std::min(style.width - 1, label_width + 2);
  const std::size_t columns = static_cast<std::size_t>(std::min<std::uint64_t>(plot_width, span));
  auto column_of = [&](std::uint64_t event) {
    return static_cast<std::size_t>((event - first) * columns / span);
  };
  std::vector<std::uint64_t> top(columns, 0);
  for (const CurveBucket& b : buckets) {
    // A bucket may straddle columns; it raises every column it touches.
    for (std::size_t c = column_of(b.first_event); c <= column_of(b.last_event); ++c) {
      top[c] = std::max(top[c], b.max_mem_alloc);
    }
  }
  const std::size_t peak_column = column_of(std::clamp(marks.peak_event, first, last));
  std::string failure_row(columns, ' ');
  for (std::uint64_t e : marks.failure_events) {
    if (e >= first && e <= last) failure_row[column_of(e)] = '!';
  }
  out << wrap_text(fmt::format("{:>{}}  mem_alloc over events (KiB; '@' peak, '!' MemoryError)",
                               "KiB", label_width),
                   style.width, label_width + 2);
  for (std::size_t row = height; row >= 1; --row) {
    std::string line(columns, ' ');
    for (std::size_t c = 0; c < columns; ++c) {
      // The column is filled up to its share of the pool, rounded up so any use shows.
      const std::uint64_t filled = (top[c] * height + marks.pool_bytes - 1) / marks.pool_bytes;
      if (filled >= row) line[c] = c == peak_column ? '@' : '#';
    }
    line.erase(line.find_last_not_of(' ') + 1);
    const std::string label = row == height ? top_label : "";
    fmt::print(out, "{:>{}} |{}\n", label, label_width, line);
  }
  fmt::print(out, "{:>{}} +{}\n", "0", label_width, std::string(columns, '-'));
  if (failure_row.find('!') != std::string::npos) {
    failure_row.erase(failure_row.find_last_not_of(' ') + 1);
    fmt::print(out, "{:>{}}  {}\n", "", label_width, paint(style, Color::red, failure_row));
  }
  fmt::print(out, "{:>{}}  {}\n", "", label_width, axis_labels(first, last, columns));
}

}  // namespace gcsim
