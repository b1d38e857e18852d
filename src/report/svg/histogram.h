// The free-run size histogram (heap_map/free_runs.h) as an SVG bar chart on its side: a row per
// power-of-two bin of run lengths, the bin's lengths in blocks on the left, a bar as long as the
// number of runs, and after it the runs and the bytes they hold. Rows stack down, so the chart
// stays about 400 px wide however many bins there are, and is never scaled below its text size:
//
//   free runs by length (1 block = 16 bytes)
//        blocks │ runs · bytes free in them
//             1 │████████ 12 · 192 B
//           2–3 │███ 4 · 160 B
//   1,025–2,048 │█ 1 · 17.0 KiB
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
