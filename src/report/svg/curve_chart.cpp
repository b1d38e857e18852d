#include "report/svg/curve_chart.h"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <algorithm>
#include <iterator>

#include "report/svg/curve_bands.h"
#include "report/svg/palette.h"
#include "text/excerpt.h"
#include "text/number_format.h"
#include "text/terminal_style.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

// The plot fills the width but for the y labels on its left and half an x label on its right.
constexpr double kLeft = 80, kRight = 28, kPlotHeight = 240;
constexpr double kCharWidth = 6.6;                // px an 11-px sans-serif character takes, at most
constexpr double kTickLabelGap = 2 * kCharWidth;  // between neighbouring x labels
constexpr std::size_t kMarkLabelBytes = 18;  // of a mark's label on the chart; all in its tooltip
constexpr double kMarkLabelGap = 16;         // px between labelled marks: a rotated line and a gap

using Out = std::back_insert_iterator<std::string>;

double text_width(std::string_view text) {
  return static_cast<double>(visible_width(text)) * kCharWidth;
}

// Top to bottom: the mark labels' band (when there are marks), the peak label's row, the
// MemoryErrors' row, the plot, the collection ticks, the x labels and the axis title.
struct ChartLayout {
  double mark_band = 0;  // the labels' baseline (they run upward from it)
  double peak_row = 0;   // the peak label's baseline
  Plot plot{};
  double height = 0;
};

ChartLayout layout_for(const CurveChartData& data, double width) {
  ChartLayout l;
  if (data.marks && !data.marks->empty()) {
    double longest = 0;
    for (const MarkEntry& m : *data.marks) {
      longest = std::max(longest, text_width(excerpt(m.label, kMarkLabelBytes)));
    }
    l.mark_band = longest + 8;
  }
  l.peak_row = l.mark_band + 14;
  l.plot = {kLeft, l.peak_row + 18, width - kLeft - kRight, kPlotHeight};
  l.height = l.plot.bottom() + 56;
  return l;
}

// Maps events (or bytes allocated) and heap bytes to pixels.
class Scales {
 public:
  Scales(const CurveChartData& data, ChartX x, Plot plot)
      : data_(data),
        x_(x),
        plot_(plot),
        pool_bytes_(static_cast<double>(data.result->layout.pool_bytes)) {
    const double span = x == ChartX::events ? static_cast<double>(data.result->summary.events)
                                            : static_cast<double>(data.bytes->total());
    x_max_ = std::max(1.0, span);
  }

  double px(double value) const { return plot_.left + value / x_max_ * plot_.width; }
  double py(double bytes) const { return plot_.y(bytes, pool_bytes_); }
  // The x positions a bucket is drawn at. On the events axis it covers [first_event,
  // last_event + 1): a step. On the bytes axis one allocation can be a long stretch of x, so
  // a bucket is a point at the bytes allocated by its last event, joined to its neighbours.
  std::vector<double> bucket_xs(const CurveBucket& b) const {
    if (x_ == ChartX::events) {
      return {px(static_cast<double>(b.first_event)), px(static_cast<double>(b.last_event + 1))};
    }
    return {px(static_cast<double>(data_.bytes->after(b.last_event)))};
  }
  // Where an event's marker goes: the middle of its column, or the bytes allocated before it
  // (a collection inside an allocation runs before the allocation lands).
  double event_x(std::uint64_t event) const {
    return px(x_ == ChartX::events ? static_cast<double>(event) + 0.5
                                   : static_cast<double>(data_.bytes->before(event)));
  }

 private:
  const CurveChartData& data_;
  ChartX x_;
  Plot plot_;
  double pool_bytes_;
  double x_max_ = 1;
};

std::string x_label(ChartX x, std::uint64_t v) {
  return xml_escape(x == ChartX::events ? grouped(v) : human_bytes(v));
}

// The 1-2-5 ticks of the x axis, as many as 6 while their labels stay kTickLabelGap apart on a
// plot `plot_width` px wide. Events are 0-based: the axis ends at the last one. Bytes run from 0
// to the total.
std::vector<std::uint64_t> x_ticks(const CurveChartData& data, ChartX x, double plot_width) {
  const std::uint64_t events = data.result->summary.events;
  if (x == ChartX::events && events == 0) return {};
  const std::uint64_t last = x == ChartX::events ? events - 1 : data.bytes->total();
  const double units_per_px = static_cast<double>(std::max<std::uint64_t>(last, 1)) / plot_width;
  for (int most = 6;; --most) {
    std::vector<std::uint64_t> ticks = axis_ticks(last, most);
    if (ticks.size() < 2 || most == 2) return ticks;
    double widest = 0;
    for (const std::uint64_t v : ticks) widest = std::max(widest, text_width(x_label(x, v)));
    if (static_cast<double>(ticks[1]) / units_per_px >= widest + kTickLabelGap) return ticks;
  }
}

void axes(Out out, const CurveChartData& data, const CurveChartStyle& style, const Scales& s,
          const Plot& p) {
  fmt::format_to(out,
                 "<rect class=\"plot-frame\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                 "height=\"{:.1f}\" fill=\"none\" stroke=\"#999999\"/>\n",
                 p.left, p.top, p.width, p.height);
  const std::uint64_t pool = data.result->layout.pool_bytes;
  for (int i = 0; i <= 4; ++i) {
    const std::uint64_t v = pool * static_cast<std::uint64_t>(i) / 4;
    const double y = s.py(static_cast<double>(v));
    fmt::format_to(out,
                   "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" "
                   "stroke=\"#dddddd\"/>\n<text x=\"{3:.1f}\" y=\"{4:.1f}\" "
                   "text-anchor=\"end\">{5}</text>\n",
                   p.left, y, p.right(), p.left - 6, y + 4, xml_escape(human_bytes(v)));
  }
  const bool by_event = style.x == ChartX::events;
  for (const std::uint64_t v : x_ticks(data, style.x, p.width)) {
    const double x = by_event ? s.px(static_cast<double>(v) + 0.5) : s.px(static_cast<double>(v));
    fmt::format_to(out,
                   "<line class=\"x-tick\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                   "y2=\"{2:.1f}\" stroke=\"#999999\"/>\n<text class=\"x-label\" x=\"{0:.1f}\" "
                   "y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
                   x, p.bottom() + 15, p.bottom() + 19, p.bottom() + 31, x_label(style.x, v));
  }
  // The long title where it fits, else the short one (the page's note explains the buckets).
  const std::string_view long_title =
      by_event ? "event (0-based; each point: the min and max over its bucket of events)"
               : "bytes allocated so far (successful alloc and realloc sizes, cumulative)";
  const std::string_view x_title = text_width(long_title) <= p.width ? long_title
                                   : by_event                        ? "event (0-based)"
                                                                     : "bytes allocated so far";
  fmt::format_to(out,
                 "<text class=\"axis-title\" x=\"{:.1f}\" y=\"{:.1f}\" "
                 "text-anchor=\"middle\">{}</text>\n"
                 "<text class=\"axis-title\" x=\"14\" y=\"{:.1f}\" text-anchor=\"middle\" "
                 "transform=\"rotate(-90 14 {:.1f})\">bytes (pool: {})</text>\n",
                 p.left + p.width / 2, p.bottom() + 49, x_title, p.top + p.height / 2,
                 p.top + p.height / 2, xml_escape(grouped(pool)));
}

std::string collection_title(const CollectionEntry& c, std::uint32_t block_bytes) {
  return fmt::format("collection at event {} ({}): mem_alloc {} → {}", grouped(c.event),
                     cause_name(c.record.cause),
                     grouped(std::uint64_t{c.record.used_blocks_before} * block_bytes),
                     grouped(std::uint64_t{c.record.used_blocks_after} * block_bytes));
}

void collection_ticks(Out out, const CurveChartData& data, const Scales& s, const Plot& p) {
  const std::uint32_t block_bytes = data.result->layout.params.block_bytes;
  for (const CollectionEntry& c : data.result->collections) {
    const double x = s.event_x(c.event);
    fmt::format_to(out,
                   "<line class=\"collection-tick cause-{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" "
                   "x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"1.5\">"
                   "<title>{}</title></line>\n",
                   cause_name(c.record.cause), x, p.bottom() + 2, x, p.bottom() + 13,
                   palette::cause(c.record.cause), collection_title(c, block_bytes));
  }
}

void failure_markers(Out out, const CurveChartData& data, const Scales& s, const Plot& p) {
  const std::vector<FailureRecord>& failures = data.result->failures;
  for (std::size_t k = 0; k < failures.size(); ++k) {
    const FailureRecord& f = failures[k];
    const double x = s.event_x(f.event);
    fmt::format_to(out,
                   "<line class=\"failure-line\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                   "y2=\"{2:.1f}\" stroke=\"{3}\" stroke-opacity=\"0.5\" "
                   "stroke-dasharray=\"3,3\"/>\n"
                   "<path class=\"failure-marker class-{4}\" d=\"M{5:.1f},{6:.1f} "
                   "L{7:.1f},{6:.1f} L{0:.1f},{1:.1f} Z\" fill=\"{3}\"><title>MemoryError {8} at "
                   "event {9}: {4}, {10} bytes requested</title></path>\n",
                   x, p.top, p.bottom(), palette::kFailure, failure_class_name(f.failure_class),
                   x - 5, p.top - 9, x + 5, k + 1, grouped(f.event), grouped(f.size_bytes));
  }
}

// The circle on the curve; its value in the row above the plot, joined to it by a thin line.
void peak_marker(Out out, const CurveChartData& data, const CurveChartStyle& style, const Scales& s,
                 const ChartLayout& l) {
  const ReplaySummary& m = data.result->summary;
  if (m.events == 0) return;
  const double x = style.x == ChartX::events ? s.event_x(m.peak_event)
                                             : s.px(static_cast<double>(data.peak_bytes_allocated));
  const double y = s.py(static_cast<double>(m.peak_mem_alloc));
  const std::string label = "peak " + human_bytes(m.peak_mem_alloc);
  const double half = text_width(label) / 2;
  const double label_x = std::clamp(x, l.plot.left + half, l.plot.right() - half);
  fmt::format_to(out,
                 "<line class=\"peak-leader\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                 "y2=\"{2:.1f}\" stroke=\"{3}\" stroke-opacity=\"0.6\" stroke-dasharray=\"2,2\"/>\n"
                 "<circle class=\"peak-marker\" cx=\"{0:.1f}\" cy=\"{4:.1f}\" r=\"4.5\" "
                 "fill=\"none\" stroke=\"{3}\" stroke-width=\"2\"><title>peak mem_alloc {5} bytes "
                 "at event {6}</title></circle>\n"
                 "<text class=\"peak-label\" x=\"{7:.1f}\" y=\"{8:.1f}\" "
                 "text-anchor=\"middle\">{9}</text>\n",
                 x, l.peak_row + 3, y - 5, palette::kPeak, y, grouped(m.peak_mem_alloc),
                 grouped(m.peak_event), label_x, l.peak_row, xml_escape(label));
}

// A dotted line across the plot per mark, and its label (the first kMarkLabelBytes) standing
// in the band above; a mark too close to the last labelled one gets only a short tick under the
// top edge (a line each would hide the curves), its label in the tooltip, and none at all
// within a px of the last mark drawn (its tick would cover the same column).
void mark_annotations(Out out, const CurveChartData& data, const Scales& s, const ChartLayout& l) {
  if (!data.marks) return;
  const Plot& p = l.plot;
  double last_label_x = -kMarkLabelGap, last_x = -1;
  for (const MarkEntry& m : *data.marks) {
    const double x = s.event_x(m.event);
    const bool labelled = x - last_label_x >= kMarkLabelGap;
    if (!labelled && x - last_x < 1) continue;  // the last one's pixel column: nothing to see
    last_x = x;
    fmt::format_to(out,
                   "<g class=\"mark-annotation\"><title>mark '{}' at event {}</title>"
                   "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                   "stroke=\"{}\"{}/>",
                   xml_escape(m.label), grouped(m.event), x, labelled ? l.mark_band : p.top, x,
                   labelled ? p.bottom() : p.top + 6, palette::kMark,
                   labelled ? " stroke-dasharray=\"1,3\"" : "");
    if (labelled) {
      last_label_x = x;
      fmt::format_to(out,
                     "<text class=\"mark-label\" x=\"{0:.1f}\" y=\"{1:.1f}\" "
                     "transform=\"rotate(-90 {0:.1f} {1:.1f})\">{2}</text>",
                     x + 4, l.mark_band - 2, xml_escape(excerpt(m.label, kMarkLabelBytes)));
    }
    fmt::format_to(out, "</g>\n");
  }
}

void observations(Out out, const CurveChartData& data, const Scales& s) {
  for (const ObserveEntry& o : data.result->observations) {
    const double x = s.event_x(o.event);
    const std::string where =
        fmt::format("event {}{}", grouped(o.event), o.label.empty() ? "" : " (" + o.label + ")");
    if (o.device_mem_alloc) {
      fmt::format_to(out,
                     "<circle class=\"observe-point observe-mem-alloc\" cx=\"{:.1f}\" "
                     "cy=\"{:.1f}\" r=\"3\" fill=\"#ffffff\" stroke=\"{}\"><title>device "
                     "mem_alloc {} (simulated {}) at {}</title></circle>\n",
                     x, s.py(static_cast<double>(std::max<std::int64_t>(0, *o.device_mem_alloc))),
                     palette::kObserve, grouped(*o.device_mem_alloc), grouped(o.mem_alloc),
                     xml_escape(where));
    }
    if (o.device_mem_free) {
      fmt::format_to(
          out,
          "<rect class=\"observe-point observe-mem-free\" x=\"{:.1f}\" y=\"{:.1f}\" "
          "width=\"5\" height=\"5\" fill=\"#ffffff\" stroke=\"{}\"><title>device "
          "mem_free {} (simulated {}) at {}</title></rect>\n",
          x - 2.5, s.py(static_cast<double>(std::max<std::int64_t>(0, *o.device_mem_free))) - 2.5,
          palette::kObserve, grouped(*o.device_mem_free), grouped(o.mem_free), xml_escape(where));
    }
  }
}

std::size_t drawn_buckets(double width) { return static_cast<std::size_t>(width - kLeft - kRight); }

}  // namespace

std::uint64_t curve_chart_bucket_events(const Curve& curve, double width) {
  return curve.bucket_width() * coarsening_group(curve.buckets().size(), drawn_buckets(width));
}

void write_curve_chart(std::ostream& out, const CurveChartData& data,
                       const CurveChartStyle& style) {
  const ChartLayout l = layout_for(data, style.width);
  const Scales s(data, style.x, l.plot);
  std::string svg;
  const Out o(svg);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"curve-chart\" "
                 "width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
                 "font-family=\"sans-serif\" font-size=\"11\">\n",
                 xml_escape(style.id), style.width, l.height, style.width, l.height);
  axes(o, data, style, s, l.plot);
  write_curve_bands(svg, coarsened(data.curve->buckets(), drawn_buckets(style.width)), l.plot,
                    static_cast<double>(data.result->layout.pool_bytes),
                    [&](const CurveBucket& b) { return s.bucket_xs(b); });
  mark_annotations(o, data, s, l);
  observations(o, data, s);
  collection_ticks(o, data, s, l.plot);
  failure_markers(o, data, s, l.plot);
  peak_marker(o, data, style, s, l);
  fmt::format_to(o, "</svg>\n");
  out << svg;
}

void write_curve_legend(std::ostream& out, const CurveChartData& data) {
  struct Item {
    std::string_view colour, label;
    bool shown;
  };
  const Item items[] = {{palette::kMemAlloc, "mem_alloc", true},
                        {palette::kMemFree, "mem_free", true},
                        {palette::kLargestFree, "largest free run", true},
                        {palette::cause(CollectionCause::threshold), "collection: threshold", true},
                        {palette::cause(CollectionCause::oom), "collection: oom", true},
                        {palette::cause(CollectionCause::explicit_), "collection: explicit", true},
                        {palette::kFailure, "MemoryError ▼", true},
                        {palette::kMark, "mark", data.marks && !data.marks->empty()},
                        {palette::kObserve, "device (observe): ○ mem_alloc □ mem_free",
                         !data.result->observations.empty()}};
  out << "<ul class=\"chart-legend\">";
  for (const Item& item : items) {
    if (!item.shown) continue;
    fmt::print(out, "<li><span class=\"swatch\" style=\"background:{}\"></span>{}</li>",
               item.colour, xml_escape(item.label));
  }
  out << "</ul>\n";
}

}  // namespace gcsim
