// The report's main chart, as inline SVG: mem_alloc, mem_free and the largest free run over the
// run, each drawn from a Curve's min/max buckets as a band (so a one-event spike survives on a
// 100,000-event trace) with a line on its worst edge; collections as ticks under the axis,
// coloured by cause; MemoryErrors as red markers; the peak circled; `mark` labels as
// annotations; `observe` device readings as points. The x axis is events, or bytes allocated
// so far (ByteAxis).
//
//   [legend]                          ▼ MemoryError
//   506 KiB ┤      ○peak   ▄▄█▄       ┆
//           │  ▃▃▄▄▆▆▇▇▇▇█████▆▆▅▅    ┆      mark labels (vertical)
//         0 ┼──────────────────────────────
//             |  | |    |     |        collection ticks
//
// Every element a test may count has a class: collection-tick (and cause-threshold, cause-oom,
// cause-explicit), failure-marker, peak-marker, mark-annotation, observe-point. The full chart
// draws one tick per collection and one marker per MemoryError; a small multiple draws one per
// pixel column and cause (or class), with data-count="N": the collections (MemoryErrors) it
// stands for.
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

struct CurveChartStyle {
  std::string id;  // the <svg> element's id
  ChartX x = ChartX::events;
  double width = 960, height = 360;
  bool full = true;  // axis labels, legend, marks, observations; false: a small multiple
};

void write_curve_chart(std::ostream& out, const CurveChartData& data, const CurveChartStyle& style);

}  // namespace gcsim
