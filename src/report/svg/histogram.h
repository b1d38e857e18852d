// The free-run size histogram (heap_map/free_runs.h) as an SVG bar chart: one bar per
// power-of-two bin of run lengths, its height the number of runs; above each bar the runs and
// the bytes they hold; under it the bin's lengths on two lines ("1,025–" over "2,048"), the
// bars as wide as the longest line. Units are in the labels: lengths in blocks (of B bytes),
// totals in bytes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

#include "report/heap_map/free_runs.h"

namespace gcsim {

void write_free_run_histogram(std::ostream& out, const std::vector<FreeRunBin>& bins,
                              std::uint32_t block_bytes, std::string_view id);

}  // namespace gcsim
