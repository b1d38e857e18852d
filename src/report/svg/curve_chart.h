// The report's main chart, as inline SVG that scales to its box (viewBox; the page sets its
// width): mem_alloc, mem_free and the largest free run over the run, each drawn from a Curve's
// min/max buckets as a band (so a one-event spike survives on a 100,000-event trace) with a line
// on its worst edge; collections as ticks under the axis, coloured by cause; MemoryErrors as red
// markers; the peak circled; `mark` labels as annotations; `observe` device readings as points.
// The x axis is events, or bytes allocated so far (ByteAxis). Every label sits outside the plot,
// in a band of its own, so none covers a curve:
//
//   frame 0  frame 1 …                    mark labels (vertical; where there is room)
//        peak 506 KiB                     the peak's value, above its circle
//        ▼           ▼                    MemoryErrors
//   506 KiB ┬──┆──────────┆──────────┐
//           │  ┆▃▃▄▄▆▆▇▇█○█▆▆▅▅      │
//       0 B ┴──┆──────────┆──────────┘
//             |  | |    |     |        collection ticks
//             0     1,000    2,000     ticks at 1-2-5 steps, never past the last event
//
// Every element a test may count has a class: collection-tick (and cause-threshold, cause-oom,
// cause-explicit), failure-marker, peak-marker, peak-label, mark-annotation, mark-label,
// observe-point, x-tick, x-label; one tick per collection and one marker per MemoryError. The
// legend is HTML (write_curve_legend), so it wraps on a narrow page. The sweep's small charts are
// svg/small_chart.h.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "replay/driver.h"
#include "report/byte_axis.h"
#include "report/curve.h"
#include "report/html/report_data.h"

namespace gcsim {

enum class ChartX : std::uint8_t { events, bytes_allocated };

struct CurveChartData {
  const ReplayResult* result = nullptr;
  const Curve* curve = nullptr;
  const ByteAxis* bytes = nullptr;                // required for ChartX::bytes_allocated
  std::uint64_t peak_bytes_allocated = 0;         // the peak's place on that axis
  const std::vector<MarkEntry>* marks = nullptr;  // annotations, if any
};

// The chart's width in its own units (px at scale 1): the page shows the wide one on a wide
// screen and the narrow one on a phone, each near its own size, so 11-px text stays 11 px.
// The x labels and the mark labels are thinned to the width; the plot draws at most one bucket
// per unit across (neighbours merged, their min and max kept).
inline constexpr double kWideChartWidth = 720, kNarrowChartWidth = 400;

struct CurveChartStyle {
  std::string id;  // the <svg> element's id
  ChartX x = ChartX::events;
  double width = kWideChartWidth;
};

void write_curve_chart(std::ostream& out, const CurveChartData& data, const CurveChartStyle& style);

// The events per bucket the chart `width` units wide draws (the Curve's own, or a multiple).
std::uint64_t curve_chart_bucket_events(const Curve& curve, double width);

// <ul class="chart-legend">: a swatch and name per series and marker the chart can show (marks
// and device readings only when the run has them).
void write_curve_legend(std::ostream& out, const CurveChartData& data);

}  // namespace gcsim
