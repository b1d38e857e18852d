#include "report/svg/curve_bands.h"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <string_view>

#include "report/svg/palette.h"

namespace gcsim {
namespace {

template <class Lo, class Hi>
void series(std::string& svg, const std::vector<CurveBucket>& buckets, const Plot& p, double pool,
            const BucketXs& xs_of, Lo lo, Hi hi, bool line_on_max, std::string_view colour,
            std::string_view name) {
  std::string band, line, lower;
  for (auto it = buckets.rbegin(); it != buckets.rend(); ++it) {
    const std::vector<double> xs = xs_of(*it);
    for (auto x = xs.rbegin(); x != xs.rend(); ++x) {
      fmt::format_to(std::back_inserter(lower), "{:.1f},{:.1f} ", *x,
                     p.y(static_cast<double>(lo(*it)), pool));
    }
  }
  for (const CurveBucket& b : buckets) {
    const double edge = static_cast<double>(line_on_max ? hi(b) : lo(b));
    for (const double x : xs_of(b)) {
      fmt::format_to(std::back_inserter(band), "{:.1f},{:.1f} ", x,
                     p.y(static_cast<double>(hi(b)), pool));
      fmt::format_to(std::back_inserter(line), "{:.1f},{:.1f} ", x, p.y(edge, pool));
    }
  }
  fmt::format_to(std::back_inserter(svg),
                 "<polygon class=\"series-band {0}\" points=\"{1}{2}\" fill=\"{3}\" "
                 "fill-opacity=\"0.25\" stroke=\"none\"/>\n"
                 "<polyline class=\"series-line {0}\" points=\"{4}\" fill=\"none\" stroke=\"{3}\" "
                 "stroke-width=\"1.5\"/>\n",
                 name, band, lower, colour, line);
}

}  // namespace

double Plot::y(double bytes, double pool_bytes) const {
  return bottom() - std::min(1.0, bytes / std::max(1.0, pool_bytes)) * height;
}

void write_curve_bands(std::string& svg, const std::vector<CurveBucket>& buckets, const Plot& plot,
                       double pool_bytes, const BucketXs& xs) {
  series(
      svg, buckets, plot, pool_bytes, xs, [](const CurveBucket& b) { return b.min_mem_free; },
      [](const CurveBucket& b) { return b.max_mem_free; }, false, palette::kMemFree, "mem-free");
  series(
      svg, buckets, plot, pool_bytes, xs, [](const CurveBucket& b) { return b.min_max_free; },
      [](const CurveBucket& b) { return b.max_max_free; }, false, palette::kLargestFree,
      "largest-free");
  series(
      svg, buckets, plot, pool_bytes, xs, [](const CurveBucket& b) { return b.min_mem_alloc; },
      [](const CurveBucket& b) { return b.max_mem_alloc; }, true, palette::kMemAlloc, "mem-alloc");
}

std::vector<std::uint64_t> axis_ticks(std::uint64_t last, int max_ticks) {
  std::uint64_t step = 1;
  for (std::uint64_t decade = 1;; decade *= 10) {
    const std::uint64_t steps[] = {decade, 2 * decade, 5 * decade};
    const auto fits = std::find_if(std::begin(steps), std::end(steps), [&](std::uint64_t s) {
      return last / s + 1 <= static_cast<std::uint64_t>(max_ticks);
    });
    if (fits != std::end(steps)) {
      step = *fits;
      break;
    }
  }
  std::vector<std::uint64_t> ticks;
  for (std::uint64_t v = 0; v <= last; v += step) ticks.push_back(v);
  return ticks;
}

}  // namespace gcsim
