#include "report/svg/histogram.h"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <string>

#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/terminal_style.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

constexpr double kMargin = 10, kRowsTop = 34, kRowHeight = 16, kColumnGap = 6;
constexpr double kTargetWidth = 400;     // a phone's width: the chart is never scaled down
constexpr double kLabelCharWidth = 6.2;  // px a 10-px sans-serif character takes, at most

double histogram_text_width(std::string_view text) {
  return kLabelCharWidth * static_cast<double>(visible_width(text));
}

std::string bin_label(const FreeRunBin& bin) {
  if (bin.min_blocks == bin.max_blocks) return grouped(std::uint64_t{bin.min_blocks});
  return grouped(std::uint64_t{bin.min_blocks}) + "–" + grouped(std::uint64_t{bin.max_blocks});
}

std::string bin_value(const FreeRunBin& bin, std::uint32_t block_bytes) {
  return grouped(bin.runs) + " · " + human_bytes(bin.blocks * block_bytes);
}

}  // namespace

void write_free_run_histogram(std::ostream& out, const std::vector<FreeRunBin>& bins,
                              std::uint32_t block_bytes, std::string_view id) {
  double labels_width = histogram_text_width("blocks"), values_width = 0;
  std::uint64_t most = 1;
  for (const FreeRunBin& bin : bins) {
    labels_width = std::max(labels_width, histogram_text_width(bin_label(bin)));
    values_width = std::max(values_width, histogram_text_width(bin_value(bin, block_bytes)));
    most = std::max(most, bin.runs);
  }
  const double bars_left = kMargin + labels_width + kColumnGap;
  const double bars_width =
      std::max(80.0, kTargetWidth - bars_left - kColumnGap - values_width - kMargin);
  const double width = bars_left + bars_width + kColumnGap + values_width + kMargin;
  const double height = kRowsTop + kRowHeight * static_cast<double>(bins.size()) + 4;
  std::string svg;
  auto o = std::back_inserter(svg);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" "
                 "class=\"free-run-histogram\" width=\"{1:.0f}\" height=\"{2:.0f}\" "
                 "viewBox=\"0 0 {1:.0f} {2:.0f}\" font-family=\"sans-serif\" font-size=\"10\">\n"
                 "<text x=\"{3}\" y=\"11\">free runs by length (1 block = {4} bytes)</text>\n"
                 "<text x=\"{5:.1f}\" y=\"27\" text-anchor=\"end\">blocks</text>\n"
                 "<text x=\"{6:.1f}\" y=\"27\">runs · bytes free in them</text>\n",
                 xml_escape(id), width, height, kMargin, block_bytes, bars_left - kColumnGap,
                 bars_left);
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const FreeRunBin& bin = bins[i];
    const double top = kRowsTop + kRowHeight * static_cast<double>(i);
    const double length = bars_width * static_cast<double>(bin.runs) / static_cast<double>(most);
    const std::string label = xml_escape(bin_label(bin));
    fmt::format_to(o,
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n"
                   "<rect class=\"histogram-bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                   "height=\"{:.1f}\" fill=\"{}\"><title>{} run(s) of {} blocks: {} bytes "
                   "free</title></rect>\n"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                   bars_left - kColumnGap, top + 11, label, bars_left, top + 2, length,
                   kRowHeight - 4, palette::kLargestFree, grouped(bin.runs), label,
                   grouped(bin.blocks * block_bytes), bars_left + length + kColumnGap / 2, top + 11,
                   xml_escape(bin_value(bin, block_bytes)));
  }
  fmt::format_to(o,
                 "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                 "stroke=\"#999999\"/>\n</svg>\n",
                 bars_left, kRowsTop, height - 4);
  out << svg;
}

}  // namespace gcsim
