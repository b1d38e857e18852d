// What the report's curve chart and the sweep's small charts share: the plot rectangle, the
// three min/max bands of a Curve drawn on it (mem_free, largest free run, mem_alloc: each the
// lowest-to-highest band of every bucket with a line on its worst edge) and the values an axis
// puts ticks at. The charts place their own labels; nothing here writes text.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "report/curve.h"

namespace gcsim {

struct Plot {
  double left, top, width, height;
  double bottom() const { return top + height; }
  double right() const { return left + width; }
  // y of `bytes` on a y axis from 0 (bottom) to `pool_bytes` (top).
  double y(double bytes, double pool_bytes) const;
};

// The x positions a bucket is drawn at (a step: its first and past-its-last event; or a point).
using BucketXs = std::function<std::vector<double>(const CurveBucket&)>;

void write_curve_bands(std::string& svg, const std::vector<CurveBucket>& buckets, const Plot& plot,
                       double pool_bytes, const BucketXs& xs);

// Tick values from 0 to at most `last`: the multiples of a 1-2-5 step that give at most
// `max_ticks` ticks, so no tick reads past the axis' range.
std::vector<std::uint64_t> axis_ticks(std::uint64_t last, int max_ticks);

}  // namespace gcsim
