#include "report/svg/histogram.h"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

// A bin's lengths on two lines, "1,025–" over "2,048", so that neighbours' labels stay apart
// (on one line they ran together: "1,025–2,0482,049–4,096").
std::pair<std::string, std::string> bin_label(const FreeRunBin& bin) {
  if (bin.min_blocks == bin.max_blocks) return {grouped(std::uint64_t{bin.min_blocks}), ""};
  return {grouped(std::uint64_t{bin.min_blocks}) + "–", grouped(std::uint64_t{bin.max_blocks})};
}

}  // namespace

void write_free_run_histogram(std::ostream& out, const std::vector<FreeRunBin>& bins,
                              std::uint32_t block_bytes, std::string_view id) {
  constexpr double kBarsLeft = 10, kBarsTop = 58, kBarsHeight = 120, kLabelCharWidth = 6.2;
  // Wide enough for the longest label line, "1,048,577–" at most, and a gap.
  std::size_t longest = 8;  // "999.9 KiB"
  for (const FreeRunBin& bin : bins) {
    const std::string line = bin_label(bin).first;  // the longer line: its digits and "–"
    longest = std::max<std::size_t>(longest, std::count_if(line.begin(), line.end(), [](char c) {
                                      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                    }));
  }
  const double bar_width = std::max(56.0, kLabelCharWidth * static_cast<double>(longest) + 10);
  const double width =
      std::max(320.0, kBarsLeft * 2 + bar_width * static_cast<double>(bins.size()));
  const double height = kBarsTop + kBarsHeight + 58;
  std::uint64_t most = 1;
  for (const FreeRunBin& bin : bins) most = std::max(most, bin.runs);
  std::string svg;
  auto o = std::back_inserter(svg);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" "
                 "class=\"free-run-histogram\" width=\"{1:.0f}\" height=\"{2:.0f}\" "
                 "viewBox=\"0 0 {1:.0f} {2:.0f}\" font-family=\"sans-serif\" font-size=\"10\">\n"
                 "<text x=\"{3}\" y=\"11\">free runs by length (bars: how many runs;</text>\n"
                 "<text x=\"{3}\" y=\"23\">above each: runs, and the bytes free in them)</text>\n",
                 xml_escape(id), width, height, kBarsLeft);
  for (std::size_t i = 0; i < bins.size(); ++i) {
    const FreeRunBin& bin = bins[i];
    const double x = kBarsLeft + bar_width * static_cast<double>(i);
    const double h = kBarsHeight * static_cast<double>(bin.runs) / static_cast<double>(most);
    const double y = kBarsTop + kBarsHeight - h;
    const auto [first_line, second_line] = bin_label(bin);
    const std::string lengths = first_line + second_line;
    fmt::format_to(o,
                   "<rect class=\"histogram-bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                   "height=\"{:.1f}\" fill=\"{}\"><title>{} run(s) of {} blocks: {} bytes "
                   "free</title></rect>\n"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n"
                   "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                   x + 4, y, bar_width - 8, h, palette::kLargestFree, grouped(bin.runs),
                   xml_escape(lengths), grouped(bin.blocks * block_bytes), x + bar_width / 2,
                   y - 14, grouped(bin.runs), x + bar_width / 2, y - 3,
                   xml_escape(human_bytes(bin.blocks * block_bytes)));
    fmt::format_to(o, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                   x + bar_width / 2, kBarsTop + kBarsHeight + 14, xml_escape(first_line));
    if (!second_line.empty()) {
      fmt::format_to(o, "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                     x + bar_width / 2, kBarsTop + kBarsHeight + 26, xml_escape(second_line));
    }
  }
  fmt::format_to(o,
                 "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2:.1f}\" y2=\"{1}\" stroke=\"#999999\"/>\n"
                 "<text x=\"{0}\" y=\"{3:.1f}\">run length in blocks (1 block = {4} bytes)</text>\n"
                 "</svg>\n",
                 kBarsLeft, kBarsTop + kBarsHeight, width - kBarsLeft, kBarsTop + kBarsHeight + 46,
                 block_bytes);
  out << svg;
}

}  // namespace gcsim
