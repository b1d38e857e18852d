// The report's tables: every metric of metrics.h with its unit, the collection log (cause,
// mem_alloc and the largest free run before → after, what was freed), the MemoryErrors (class,
// request, mem_free and largest free run when the collector gave up) and the device
// observations beside the simulated values. Rows carry classes a test can count
// (collection-row, failure-row, observe-row).
#pragma once

#include <cstddef>
#include <ostream>

#include "replay/driver.h"

namespace gcsim {

inline constexpr std::size_t kMaxTableRows = 2000;  // longer logs are cut, with a note

void write_metrics_table(std::ostream& out, const ReplaySummary& summary);
void write_collection_table(std::ostream& out, const ReplayResult& result);
// Rows link to #failure-K (1-based) for the first `maps` failures, which have a heap map.
void write_failure_table(std::ostream& out, const ReplayResult& result, std::size_t maps);
void write_observation_table(std::ostream& out, const ReplayResult& result);

}  // namespace gcsim
