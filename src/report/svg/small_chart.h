// A sweep's small multiple of the curve chart, as inline SVG that scales to its box: the three
// min/max bands of a Curve, the y axis from 0 to the pool (bytes, with units), the x axis from
// the first event to the last, collections as ticks under the axis and MemoryErrors as red
// markers above it — one per column of an EventColumns and cause (class), with data-count="N"
// the collections (MemoryErrors) it stands for — and the peak circled. No label sits on the plot.
//
//    3.9 KiB ┤▼        ▼
//            │  ▃▃▄▄▆▆█▆▅▅ ○
//        0 B ┼─────────────
//             |  | |    |
//             0   events   22
//
// Classes as the full chart's (svg/curve_chart.h): collection-tick cause-*, failure-marker
// class-*, peak-marker.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>

#include "replay/summary.h"
#include "report/curve.h"
#include "report/event_columns.h"

namespace gcsim {

// The plot's width in the chart's own units: an EventColumns of this many columns gives a tick
// a unit apart.
inline constexpr std::uint32_t kSmallChartColumns = 240;

struct SmallChartData {
  const ReplaySummary* summary = nullptr;
  std::uint64_t pool_bytes = 0;
  const Curve* curve = nullptr;
  const EventColumns* columns = nullptr;
};

void write_small_chart(std::ostream& out, const SmallChartData& data, std::string_view id);

}  // namespace gcsim
