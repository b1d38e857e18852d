// EventColumns: a run's collections and MemoryErrors counted per column of a chart — the events
// 0 … events−1 cut into `columns` equal spans — and per cause (class). What a small chart
// draws of them: one tick (marker) per column and kind, standing for its count. At most
// columns × 3 counts each, so keeping it per cell of a sweep costs the same for any trace
// length, where the replay's own lists grow by one entry per collection and MemoryError.
//
//   events 0 … 9,999 on 4 columns:   | 0–2,499 | 2,500–4,999 | 5,000–7,499 | 7,500–9,999 |
//   collections at 10, 20 (threshold), 3,000 (oom) → {column 0, threshold, 2, events 10–20},
//                                                     {column 1, oom, 1, events 3,000–3,000}
#pragma once

#include <cstdint>
#include <vector>

#include "replay/driver.h"

namespace gcsim {

struct ColumnCount {
  std::uint32_t column = 0;
  std::uint8_t kind = 0;  // a CollectionCause or a FailureClass
  std::uint64_t count = 0;
  std::uint64_t first_event = 0, last_event = 0;
};

class EventColumns {
 public:
  EventColumns() = default;
  EventColumns(const ReplayResult& result, std::uint32_t columns);

  std::uint32_t columns() const { return columns_; }
  // Ordered by column, then kind.
  const std::vector<ColumnCount>& collections() const { return collections_; }
  const std::vector<ColumnCount>& failures() const { return failures_; }

 private:
  std::uint32_t columns_ = 1;
  std::vector<ColumnCount> collections_, failures_;
};

}  // namespace gcsim
