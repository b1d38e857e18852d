#include "report/svg/heap_tiles.h"

#include <fmt/format.h>
#include <algorithm>
#include <iterator>
#include <string>

#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

constexpr double kPictureWidth = 512;  // px
// 64 blocks a row like the text map, doubled until the picture is no taller than wide.
std::uint32_t columns_for(std::size_t n_blocks) {
  std::uint32_t columns = 64;
  while ((n_blocks + columns - 1) / columns > columns && columns < 1024) columns *= 2;
  return columns;
}

// The age class (index into palette::kAges) of a block born at `born`, seen after `now`.
std::size_t age_class(std::uint64_t born, std::uint64_t now) {
  const double share = static_cast<double>(now - born) / static_cast<double>(now + 1);
  if (share < 0.01) return 0;
  if (share < 0.05) return 1;
  if (share < 0.20) return 2;
  if (share < 0.50) return 3;
  return 4;
}

std::string_view cell_colour(const HeapSnapshot& s, std::size_t b) {
  const char c = s.letters[b];
  if (c == '.') return palette::kFreeBlock;
  if (c == 'm') return palette::kMarkBlock;
  const bool head = c != '=';
  const std::uint64_t born = s.born_event[b];
  if (born == kNoEvent || s.event == kNoEvent || born > s.event) {
    return head ? palette::kUnknownHead : palette::kUnknownTail;
  }
  const palette::AgeColours& age = palette::kAges[age_class(born, s.event)];
  return head ? age.head : age.tail;
}

}  // namespace

void write_heap_tiles(std::ostream& out, const HeapSnapshot& snapshot, std::uint32_t block_bytes,
                      std::string_view id) {
  const std::size_t n = snapshot.letters.size();
  const std::uint32_t columns = columns_for(n);
  const std::size_t rows = (n + columns - 1) / columns;
  const double height = kPictureWidth * static_cast<double>(rows) / columns;
  std::string svg;
  auto o = std::back_inserter(svg);
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"heap-tiles\" "
                 "width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {} {}\" "
                 "preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\">\n"
                 "<title>{} blocks of {} bytes, {} a row; free grey, allocations coloured by "
                 "age, heads darker</title>\n"
                 "<rect class=\"tile-free\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" "
                 "fill=\"{}\"/>\n",
                 xml_escape(id), kPictureWidth, std::max(height, 1.0), columns, rows, grouped(n),
                 block_bytes, columns, columns, rows, palette::kFreeBlock);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t first = row * columns;
    const std::size_t last = std::min(n, first + columns);
    for (std::size_t b = first; b < last;) {
      const std::string_view colour = cell_colour(snapshot, b);
      std::size_t end = b + 1;
      while (end < last && cell_colour(snapshot, end) == colour) ++end;
      if (colour != palette::kFreeBlock) {
        fmt::format_to(o, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\" fill=\"{}\"/>\n",
                       b - first, row, end - b, colour);
      }
      b = end;
    }
    if (last - first < columns) {  // past the pool's end on the last row
      fmt::format_to(o,
                     "<rect class=\"tile-beyond\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\" "
                     "fill=\"#ffffff\"/>\n",
                     last - first, row, columns - (last - first));
    }
  }
  fmt::format_to(o, "</svg>\n");
  out << svg;
}

void write_heap_tiles_legend(std::ostream& out) {
  std::string html = "<div class=\"tile-legend\">";
  auto swatch = [&](std::string_view colour, std::string_view label) {
    html += fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>{} ", colour,
                        xml_escape(label));
  };
  swatch(palette::kFreeBlock, "free");
  for (const palette::AgeColours& age : palette::kAges) swatch(age.tail, age.label);
  swatch(palette::kUnknownTail, "unknown object");
  html +=
      "(age: the share of the run since the object was allocated; an allocation's head block "
      "is a shade darker)</div>\n";
  out << html;
}

}  // namespace gcsim
