#include "sweep/memory_estimate.h"

#include <algorithm>

#include "replay/recorder.h"
#include "replay/simulation.h"
#include "report/event_columns.h"
#include "report/svg/small_chart.h"

namespace gcsim::sweep {

TraceFootprint footprint_of(const EventArray& events) {
  TraceFootprint f;
  f.events_bytes = events.memory_bytes();
  std::uint64_t held = 0;
  Event e;
  for (std::size_t i = 0; i < events.size(); ++i) {
    events.load(i, e);
    switch (e.op) {
      case Op::alloc:
        ++f.allocations;
        f.most_held = std::max(f.most_held, ++held);
        ++f.records;
        break;
      case Op::free:
      case Op::drop:
        if (held > 0) --held;
        break;
      case Op::ref:
        ++f.refs;
        break;
      case Op::realloc:
      case Op::collect:
        ++f.records;
        break;
      default:
        break;
    }
  }
  return f;
}

std::uint64_t replay_bytes(const TraceFootprint& trace, std::uint64_t pool_blocks) {
  const std::uint64_t objects = std::min(trace.allocations, trace.most_held + pool_blocks);
  return kBytesPerPoolBlock * pool_blocks + kBytesPerObject * objects + kBytesPerRef * trace.refs +
         2 * records_bytes(trace);
}

std::uint64_t records_bytes(const TraceFootprint& trace) {
  return trace.records * (sizeof(CollectionEntry) + sizeof(FailureRecord));
}

std::uint64_t kept_cell_bytes() {
  constexpr std::uint64_t kKinds = 3;  // collection causes, failure classes: three each
  return sizeof(CellReplay) + kSweepCurveBuckets * sizeof(CurveBucket) +
         2 * kKinds * kSmallChartColumns * sizeof(ColumnCount);
}

std::uint64_t base_bytes(const std::vector<TraceFootprint>& traces) {
  std::uint64_t bytes = kProcessBytes;
  for (const TraceFootprint& t : traces) bytes += t.events_bytes;
  return bytes;
}

}  // namespace gcsim::sweep
