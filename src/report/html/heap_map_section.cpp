#include "report/html/heap_map_section.h"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <sstream>
#include <string>

#include "report/heap_map/free_runs.h"
#include "report/svg/heap_tiles.h"
#include "report/svg/histogram.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

void row(std::ostream& out, std::string_view name, const std::string& value) {
  fmt::print(out, "<tr><th class=\"text\">{}</th><td>{}</td></tr>\n", xml_escape(name),
             xml_escape(value));
}

}  // namespace

void write_html_heap_map(std::ostream& out, const HeapSnapshot& snapshot,
                         const HeapMapFormat& format, std::string_view id) {
  const HeapInfo& info = snapshot.info;
  const std::uint64_t largest_bytes = std::uint64_t{info.max_free} * format.block_bytes;
  const double fragmentation =
      info.free == 0 ? 0.0
                     : 1.0 - static_cast<double>(largest_bytes) / static_cast<double>(info.free);
  fmt::print(out, "<div class=\"heap-map\" id=\"{}\">\n<table class=\"fragmentation\">\n",
             xml_escape(id));
  row(out, "used (mem_alloc)", fmt::format("{} bytes", grouped(info.used)));
  row(out, "free (mem_free)", fmt::format("{} bytes", grouped(info.free)));
  row(out, "largest free run",
      fmt::format("{} bytes = {} block{}", grouped(largest_bytes),
                  grouped(std::uint64_t{info.max_free}), info.max_free == 1 ? "" : "s"));
  row(out, "fragmentation, 1 − largest/free", percent(fragmentation));
  row(out, "free runs", grouped(std::uint64_t{info.free_runs}));
  out << "</table>\n<div class=\"heap-map-panel\">\n";
  write_heap_tiles(out, snapshot, format.block_bytes, std::string(id) + "-tiles");
  write_free_run_histogram(out, free_run_histogram(snapshot.letters), format.block_bytes,
                           std::string(id) + "-runs");
  std::ostringstream text;
  write_heap_map(text, info, snapshot.letters, format);
  fmt::print(out,
             "</div>\n<details><summary>as micropython.mem_info(1) prints it</summary>\n"
             "<pre class=\"mem-info\">{}</pre>\n</details>\n</div>\n",
             xml_escape(text.str()));
}

}  // namespace gcsim
