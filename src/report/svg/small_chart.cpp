#include "report/svg/small_chart.h"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <string>

#include "report/svg/curve_bands.h"
#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

constexpr double kSmallWidth = 300, kSmallHeight = 144;
constexpr Plot kSmallPlot{50, 14, kSmallChartColumns, 100};

double column_x(const EventColumns& columns, std::uint32_t column) {
  return kSmallPlot.left + (column + 0.5) * kSmallPlot.width / columns.columns();
}

void axes(std::string& svg, const SmallChartData& data) {
  const std::uint64_t events = data.summary->events;
  fmt::format_to(std::back_inserter(svg),
                 "<rect class=\"plot-frame\" x=\"{0:.1f}\" y=\"{1:.1f}\" width=\"{2:.1f}\" "
                 "height=\"{3:.1f}\" fill=\"none\" stroke=\"#999999\"/>\n"
                 "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"end\">{6}</text>\n"
                 "<text x=\"{4:.1f}\" y=\"{7:.1f}\" text-anchor=\"end\">0 B</text>\n"
                 "<text x=\"{0:.1f}\" y=\"{8:.1f}\">{9}</text>\n"
                 "<text x=\"{10:.1f}\" y=\"{8:.1f}\" text-anchor=\"middle\">events</text>\n"
                 "<text x=\"{11:.1f}\" y=\"{8:.1f}\" text-anchor=\"end\">{12}</text>\n",
                 kSmallPlot.left, kSmallPlot.top, kSmallPlot.width, kSmallPlot.height,
                 kSmallPlot.left - 4, kSmallPlot.top + 8, xml_escape(human_bytes(data.pool_bytes)),
                 kSmallPlot.bottom(), kSmallPlot.bottom() + 24, events ? "0" : "",
                 kSmallPlot.left + kSmallPlot.width / 2, kSmallPlot.right(),
                 events ? grouped(events - 1) : "no events");
}

void collection_ticks(std::string& svg, const EventColumns& columns) {
  for (const ColumnCount& c : columns.collections()) {
    const auto cause = static_cast<CollectionCause>(c.kind);
    const double x = column_x(columns, c.column);
    const std::string title =
        c.count == 1
            ? fmt::format("{} collection at event {}", cause_name(cause), grouped(c.first_event))
            : fmt::format("{} {} collections at events {} to {}", grouped(c.count),
                          cause_name(cause), grouped(c.first_event), grouped(c.last_event));
    fmt::format_to(std::back_inserter(svg),
                   "<line class=\"collection-tick cause-{}\" data-count=\"{}\" x1=\"{:.1f}\" "
                   "y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"1.5\">"
                   "<title>{}</title></line>\n",
                   cause_name(cause), c.count, x, kSmallPlot.bottom() + 2, x,
                   kSmallPlot.bottom() + 10, palette::cause(cause), title);
  }
}

void failure_markers(std::string& svg, const EventColumns& columns) {
  for (const ColumnCount& f : columns.failures()) {
    const std::string_view name = failure_class_name(static_cast<FailureClass>(f.kind));
    const double x = column_x(columns, f.column);
    const std::string title =
        f.count == 1 ? fmt::format("MemoryError at event {}: {}", grouped(f.first_event), name)
                     : fmt::format("{} MemoryErrors ({}) at events {} to {}", grouped(f.count),
                                   name, grouped(f.first_event), grouped(f.last_event));
    fmt::format_to(std::back_inserter(svg),
                   "<line class=\"failure-line\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                   "y2=\"{2:.1f}\" stroke=\"{3}\" stroke-opacity=\"0.5\" "
                   "stroke-dasharray=\"3,3\"/>\n"
                   "<path class=\"failure-marker class-{4}\" data-count=\"{5}\" "
                   "d=\"M{6:.1f},{7:.1f} L{8:.1f},{7:.1f} L{0:.1f},{1:.1f} Z\" fill=\"{3}\">"
                   "<title>{9}</title></path>\n",
                   x, kSmallPlot.top, kSmallPlot.bottom(), palette::kFailure, name, f.count, x - 4,
                   kSmallPlot.top - 8, x + 4, title);
  }
}

}  // namespace

void write_small_chart(std::ostream& out, const SmallChartData& data, std::string_view id) {
  const ReplaySummary& s = *data.summary;
  const double pool = static_cast<double>(data.pool_bytes);
  const double events = static_cast<double>(std::max<std::uint64_t>(1, s.events));
  const auto px = [&](double event) { return kSmallPlot.left + event / events * kSmallPlot.width; };
  std::string svg;
  // Text 11 units high: four charts to a row at 1400 px draw each ~255 px wide, where 10
  // units rendered at 8.5 px (tools/check_layout.py wants 9).
  fmt::format_to(std::back_inserter(svg),
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"curve-chart\" "
                 "width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
                 "font-family=\"sans-serif\" font-size=\"11\">\n",
                 xml_escape(id), kSmallWidth, kSmallHeight, kSmallWidth, kSmallHeight);
  axes(svg, data);
  write_curve_bands(svg, data.curve->buckets(), kSmallPlot, pool, [&](const CurveBucket& b) {
    return std::vector<double>{px(static_cast<double>(b.first_event)),
                               px(static_cast<double>(b.last_event + 1))};
  });
  collection_ticks(svg, *data.columns);
  failure_markers(svg, *data.columns);
  if (s.events > 0) {
    fmt::format_to(std::back_inserter(svg),
                   "<circle class=\"peak-marker\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" "
                   "fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"><title>peak mem_alloc {} "
                   "bytes at event {}</title></circle>\n",
                   px(static_cast<double>(s.peak_event) + 0.5),
                   kSmallPlot.y(static_cast<double>(s.peak_mem_alloc), pool), palette::kPeak,
                   grouped(s.peak_mem_alloc), grouped(s.peak_event));
  }
  svg += "</svg>\n";
  out << svg;
}

}  // namespace gcsim
