// `gcsim report`: one self-contained HTML page about one replay (ReportData), readable from
// 400 px wide up (the charts scale, wide tables scroll in their box). Sections, each with a
// stable id, in this order:
//   #summary        the heap and settings, the headline numbers
//   #curves         the curve chart (svg#chart-events, svg#chart-bytes: x axis switchable)
//   #failures       the MemoryErrors, and the heap map at each (#failure-K): here when there
//                   are any, else after #collections
//   #fragmentation  the heap at the peak: figures, tiles, free-run histogram, mem_info(1) text
//   #collections    the collection log
//   #observations   device readings beside the simulated values
//   #metrics        every metric of metrics.h
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>

#include "report/html/report_data.h"

namespace gcsim {

// `pool_address` sets the heap maps' `GC memory layout; from …` (default: heap_map/mem_info.h's).
void write_html_report(std::ostream& out, const ReportData& data,
                       std::optional<std::uint64_t> pool_address = {});

}  // namespace gcsim
