// ReportData: everything `gcsim report` draws of one replay, gathered in two passes over the
// trace. The first replays it with a Curve (min/max buckets), the ByteAxis, the marks, and a
// heap snapshot at each of the first kMaxFailureMaps MemoryErrors; the second replays it to the
// peak, which is known only once the first is over, for the heap at the peak.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "replay/driver.h"
#include "report/byte_axis.h"
#include "report/curve.h"
#include "report/heap_map/snapshot.h"

namespace gcsim {

inline constexpr std::size_t kReportCurveBuckets = 1024;
inline constexpr std::size_t kMaxFailureMaps = 50;  // heap maps kept (the table lists every one)
inline constexpr std::size_t kMaxMarks = 1000;      // mark annotations kept

struct MarkEntry {
  std::uint64_t event = 0;
  std::string label;  // cut to kMaxShownLabelBytes (text/excerpt.h)
};

struct ReportData {
  std::string trace_path;
  ReplayResult result;
  Curve curve{kReportCurveBuckets};
  ByteAxis bytes{2 * kReportCurveBuckets};
  std::uint64_t peak_bytes_allocated = 0;  // the ByteAxis value at the peak event
  std::vector<MarkEntry> marks;            // the first kMaxMarks, in order
  std::uint64_t marks_total = 0;
  HeapSnapshot peak;                       // right after the peak event
  std::vector<HeapSnapshot> failure_maps;  // right after each of the first kMaxFailureMaps
};

// Throws what replay_trace throws. `also` sees every event of both passes (a progress line).
ReportData collect_report_data(const std::string& trace_path, const SettingsForHeader& settings,
                               ReplayObserver* also = nullptr);

}  // namespace gcsim
