#include "report/svg/curve_chart.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <utility>

#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

constexpr std::size_t kMaxMarkLabels = 40;  // more marks are drawn as lines without text

struct Plot {
  double left, top, width, height;
  double bottom() const { return top + height; }
  double right() const { return left + width; }
};

Plot plot_area(const CurveChartStyle& style) {
  if (!style.full) return {6, 12, style.width - 12, style.height - 30};
  return {74, 46, style.width - 90, style.height - 110};
}

// Maps events (or bytes allocated) and heap bytes to pixels.
class Scales {
 public:
  Scales(const CurveChartData& data, ChartX x, Plot plot)
      : data_(data),
        x_(x),
        plot_(plot),
        pool_bytes_(std::max<double>(1, static_cast<double>(data.result->layout.pool_bytes))) {
    const double span = x == ChartX::events ? static_cast<double>(data.result->summary.events)
                                            : static_cast<double>(data.bytes->total());
    x_max_ = std::max(1.0, span);
  }

  double x_max() const { return x_max_; }
  double px(double value) const { return plot_.left + value / x_max_ * plot_.width; }
  double py(double bytes) const {
    return plot_.bottom() - std::min(1.0, bytes / pool_bytes_) * plot_.height;
  }
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

using Out = std::back_insert_iterator<std::string>;

// One series: the min–max band of every bucket and a line along its worst edge.
template <class Lo, class Hi>
void series(Out out, const std::vector<CurveBucket>& buckets, const Scales& s, Lo lo, Hi hi,
            bool line_on_max, std::string_view colour, std::string_view name) {
  std::string band, line, lower;
  for (auto it = buckets.rbegin(); it != buckets.rend(); ++it) {
    const std::vector<double> xs = s.bucket_xs(*it);
    for (auto x = xs.rbegin(); x != xs.rend(); ++x) {
      fmt::format_to(std::back_inserter(lower), "{:.1f},{:.1f} ", *x, s.py(lo(*it)));
    }
  }
  for (const CurveBucket& b : buckets) {
    const double edge = static_cast<double>(line_on_max ? hi(b) : lo(b));
    for (const double x : s.bucket_xs(b)) {
      fmt::format_to(std::back_inserter(band), "{:.1f},{:.1f} ", x, s.py(hi(b)));
      fmt::format_to(std::back_inserter(line), "{:.1f},{:.1f} ", x, s.py(edge));
    }
  }
  fmt::format_to(out,
                 "<polygon class=\"series-band {0}\" points=\"{1}{2}\" fill=\"{3}\" "
                 "fill-opacity=\"0.25\" stroke=\"none\"/>\n"
                 "<polyline class=\"series-line {0}\" points=\"{4}\" fill=\"none\" stroke=\"{3}\" "
                 "stroke-width=\"1.5\"/>\n",
                 name, band, lower, colour, line);
}

void axes(Out out, const CurveChartData& data, const CurveChartStyle& style, const Scales& s,
          const Plot& p) {
  fmt::format_to(out,
                 "<rect class=\"plot-frame\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                 "height=\"{:.1f}\" fill=\"none\" stroke=\"#999999\"/>\n",
                 p.left, p.top, p.width, p.height);
  if (!style.full) return;
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
  for (int i = 0; i <= 4; ++i) {
    const double v = s.x_max() * i / 4;
    const auto whole = static_cast<std::uint64_t>(v);
    const std::string label = style.x == ChartX::events ? grouped(whole) : human_bytes(whole);
    const std::string_view anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
    fmt::format_to(out, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">{}</text>\n", s.px(v),
                   p.bottom() + 30, anchor, xml_escape(label));
  }
  const std::string_view x_title =
      style.x == ChartX::events
          ? "event (0-based; each point: the min and max over its bucket of events)"
          : "bytes allocated so far (successful alloc and realloc sizes, cumulative)";
  fmt::format_to(out,
                 "<text class=\"axis-title\" x=\"{:.1f}\" y=\"{:.1f}\" "
                 "text-anchor=\"middle\">{}</text>\n"
                 "<text class=\"axis-title\" x=\"14\" y=\"{:.1f}\" text-anchor=\"middle\" "
                 "transform=\"rotate(-90 14 {:.1f})\">bytes (pool: {})</text>\n",
                 p.left + p.width / 2, p.bottom() + 50, x_title, p.top + p.height / 2,
                 p.top + p.height / 2, xml_escape(grouped(pool)));
}

void legend(Out out, const CurveChartData& data, const CurveChartStyle& style) {
  struct Item {
    std::string_view colour, label;
  };
  const Item items[] = {{palette::kMemAlloc, "mem_alloc"},
                        {palette::kMemFree, "mem_free"},
                        {palette::kLargestFree, "largest free run"},
                        {palette::cause(CollectionCause::threshold), "collection: threshold"},
                        {palette::cause(CollectionCause::oom), "collection: oom"},
                        {palette::cause(CollectionCause::explicit_), "collection: explicit"},
                        {palette::kFailure, "MemoryError"},
                        {palette::kMark, "mark"},
                        {palette::kObserve, "device (observe): ○ mem_alloc □ mem_free"}};
  const bool has_marks = data.marks && !data.marks->empty();
  const bool has_observations = !data.result->observations.empty();
  double x = 74, y = 10;
  fmt::format_to(out, "<g class=\"legend\">\n");
  for (const Item& item : items) {
    if ((item.colour == palette::kMark && !has_marks) ||
        (item.label.starts_with("device") && !has_observations)) {
      continue;
    }
    const double w = 22 + 6.2 * static_cast<double>(item.label.size());
    if (x + w > style.width) {
      x = 74;
      y += 16;
    }
    fmt::format_to(out,
                   "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                   x, y, item.colour, x + 14, y + 9, xml_escape(item.label));
    x += w;
  }
  fmt::format_to(out, "</g>\n");
}

// One pixel column of a small multiple: the ticks (or markers) of one kind that fall in it.
struct ColumnBin {
  double x = 0;           // where the first of them is drawn
  std::size_t first = 0;  // index of the first in its list
  std::uint64_t count = 0;
  std::uint64_t last_event = 0;
};

// A small multiple's plot is ~300 px wide, so a trace with thousands of collections would stack
// thousands of ticks on a few pixels (and megabytes of markup). There the items of one kind in
// one pixel column become one element whose data-count says how many it stands for; ordered by
// column, then kind.
template <class Item, class EventOf, class KindOf>
std::vector<ColumnBin> bin_by_column(const std::vector<Item>& items, const Scales& s,
                                     EventOf event_of, KindOf kind_of) {
  std::map<std::pair<long, int>, ColumnBin> bins;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::uint64_t event = event_of(items[i]);
    const double x = s.event_x(event);
    ColumnBin& bin = bins[{std::lround(std::floor(x)), static_cast<int>(kind_of(items[i]))}];
    if (bin.count++ == 0) {
      bin.x = x;
      bin.first = i;
    }
    bin.last_event = event;
  }
  std::vector<ColumnBin> out;
  for (const auto& [key, bin] : bins) out.push_back(bin);
  return out;
}

std::string collection_title(const CollectionEntry& c, std::uint32_t block_bytes) {
  return fmt::format("collection at event {} ({}): mem_alloc {} → {}", grouped(c.event),
                     cause_name(c.record.cause),
                     grouped(std::uint64_t{c.record.used_blocks_before} * block_bytes),
                     grouped(std::uint64_t{c.record.used_blocks_after} * block_bytes));
}

void collection_tick(Out out, const CollectionEntry& c, double x, const Plot& p,
                     std::string_view count_attribute, const std::string& title) {
  fmt::format_to(out,
                 "<line class=\"collection-tick cause-{}\"{} x1=\"{:.1f}\" y1=\"{:.1f}\" "
                 "x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" stroke-width=\"1.5\">"
                 "<title>{}</title></line>\n",
                 cause_name(c.record.cause), count_attribute, x, p.bottom() + 3, x, p.bottom() + 14,
                 palette::cause(c.record.cause), title);
}

void collection_ticks(Out out, const CurveChartData& data, const CurveChartStyle& style,
                      const Scales& s, const Plot& p) {
  const std::uint32_t block_bytes = data.result->layout.params.block_bytes;
  const std::vector<CollectionEntry>& collections = data.result->collections;
  if (style.full) {
    for (const CollectionEntry& c : collections) {
      collection_tick(out, c, s.event_x(c.event), p, "", collection_title(c, block_bytes));
    }
    return;
  }
  const auto bins = bin_by_column(
      collections, s, [](const CollectionEntry& c) { return c.event; },
      [](const CollectionEntry& c) { return c.record.cause; });
  for (const ColumnBin& bin : bins) {
    const CollectionEntry& c = collections[bin.first];
    const std::string title =
        bin.count == 1
            ? collection_title(c, block_bytes)
            : fmt::format("{} {} collections at events {} to {}", grouped(bin.count),
                          cause_name(c.record.cause), grouped(c.event), grouped(bin.last_event));
    collection_tick(out, c, bin.x, p, fmt::format(" data-count=\"{}\"", bin.count), title);
  }
}

void failure_marker(Out out, const FailureRecord& f, double x, const Plot& p,
                    std::string_view count_attribute, const std::string& title) {
  fmt::format_to(out,
                 "<line class=\"failure-line\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                 "y2=\"{2:.1f}\" stroke=\"{3}\" stroke-opacity=\"0.5\" "
                 "stroke-dasharray=\"3,3\"/>\n"
                 "<path class=\"failure-marker class-{4}\"{5} d=\"M{6:.1f},{7:.1f} "
                 "L{8:.1f},{7:.1f} L{0:.1f},{1:.1f} Z\" fill=\"{3}\"><title>{9}</title></path>\n",
                 x, p.top, p.bottom(), palette::kFailure, failure_class_name(f.failure_class),
                 count_attribute, x - 5, p.top - 9, x + 5, title);
}

void failure_markers(Out out, const CurveChartData& data, const CurveChartStyle& style,
                     const Scales& s, const Plot& p) {
  const std::vector<FailureRecord>& failures = data.result->failures;
  const auto one = [](std::size_t k, const FailureRecord& f) {
    return fmt::format("MemoryError {} at event {}: {}, {} bytes requested", k, grouped(f.event),
                       failure_class_name(f.failure_class), grouped(f.size_bytes));
  };
  if (style.full) {
    for (std::size_t k = 0; k < failures.size(); ++k) {
      const FailureRecord& f = failures[k];
      failure_marker(out, f, s.event_x(f.event), p, "", one(k + 1, f));
    }
    return;
  }
  const auto bins = bin_by_column(
      failures, s, [](const FailureRecord& f) { return f.event; },
      [](const FailureRecord& f) { return f.failure_class; });
  for (const ColumnBin& bin : bins) {
    const FailureRecord& f = failures[bin.first];
    const std::string title =
        bin.count == 1 ? one(bin.first + 1, f)
                       : fmt::format("{} MemoryErrors ({}) at events {} to {}", grouped(bin.count),
                                     failure_class_name(f.failure_class), grouped(f.event),
                                     grouped(bin.last_event));
    failure_marker(out, f, bin.x, p, fmt::format(" data-count=\"{}\"", bin.count), title);
  }
}

void peak_marker(Out out, const CurveChartData& data, const CurveChartStyle& style,
                 const Scales& s) {
  const ReplaySummary& m = data.result->summary;
  if (m.events == 0) return;
  const double x = style.x == ChartX::events ? s.event_x(m.peak_event)
                                             : s.px(static_cast<double>(data.peak_bytes_allocated));
  const double y = s.py(static_cast<double>(m.peak_mem_alloc));
  fmt::format_to(out,
                 "<circle class=\"peak-marker\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" "
                 "fill=\"none\" stroke=\"{}\" stroke-width=\"2\"><title>peak mem_alloc {} bytes "
                 "at event {}</title></circle>\n",
                 x, y, palette::kPeak, grouped(m.peak_mem_alloc), grouped(m.peak_event));
  if (style.full) {
    fmt::format_to(out, "<text class=\"peak-label\" x=\"{:.1f}\" y=\"{:.1f}\">peak {}</text>\n",
                   x + 7, y - 6, xml_escape(human_bytes(m.peak_mem_alloc)));
  }
}

// Up to kMaxMarkLabels marks: a dotted line across the plot and the label; more: a short tick
// under the top edge each (a full line per mark would hide the curves).
void mark_annotations(Out out, const CurveChartData& data, const Scales& s, const Plot& p) {
  if (!data.marks) return;
  const bool labelled = data.marks->size() <= kMaxMarkLabels;
  for (const MarkEntry& m : *data.marks) {
    const double x = s.event_x(m.event);
    const std::string label = xml_escape(m.label);
    fmt::format_to(out,
                   "<g class=\"mark-annotation\"><title>mark '{}' at event {}</title>"
                   "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                   "stroke=\"{}\"{}/>",
                   label, grouped(m.event), x, p.top, x, labelled ? p.bottom() : p.top + 6,
                   palette::kMark, labelled ? " stroke-dasharray=\"1,3\"" : "");
    if (labelled) {
      fmt::format_to(out,
                     "<text class=\"mark-label\" x=\"{0:.1f}\" y=\"{1:.1f}\" "
                     "transform=\"rotate(-90 {0:.1f} {1:.1f})\" text-anchor=\"end\">{2}</text>",
                     x - 2, p.top + 4, label);
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

}  // namespace

void write_curve_chart(std::ostream& out, const CurveChartData& data,
                       const CurveChartStyle& style) {
  const Plot p = plot_area(style);
  const Scales s(data, style.x, p);
  std::string svg;
  const Out o(svg);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"curve-chart\" "
                 "width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
                 "font-family=\"sans-serif\" font-size=\"11\">\n",
                 xml_escape(style.id), style.width, style.height, style.width, style.height);
  axes(o, data, style, s, p);
  const auto& buckets = data.curve->buckets();
  series(
      o, buckets, s, [](const CurveBucket& b) { return b.min_mem_free; },
      [](const CurveBucket& b) { return b.max_mem_free; }, false, palette::kMemFree, "mem-free");
  series(
      o, buckets, s, [](const CurveBucket& b) { return b.min_max_free; },
      [](const CurveBucket& b) { return b.max_max_free; }, false, palette::kLargestFree,
      "largest-free");
  series(
      o, buckets, s, [](const CurveBucket& b) { return b.min_mem_alloc; },
      [](const CurveBucket& b) { return b.max_mem_alloc; }, true, palette::kMemAlloc, "mem-alloc");
  if (style.full) {
    legend(o, data, style);
    mark_annotations(o, data, s, p);
    observations(o, data, s);
  }
  collection_ticks(o, data, style, s, p);
  failure_markers(o, data, style, s, p);
  peak_marker(o, data, style, s);
  fmt::format_to(o, "</svg>\n");
  out << svg;
}

}  // namespace gcsim
