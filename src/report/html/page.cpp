#include "report/html/page.h"

#include <fmt/ostream.h>

#include "text/xml_escape.h"

namespace gcsim {
namespace {

// The x-axis switch of the curve chart is two radio buttons and these sibling selectors. From
// 400 px wide up nothing is wider than the window: the charts scale to their box (their own
// width at most), a table wider than the page scrolls inside itself, and small multiples sit
// in a grid of equal columns, as many as fit. A chart scaled below about 0.8 has text too small
// to read, so the report draws each curve chart twice (720 and 400 units wide: the labels
// thinned to each width) and shows one: the wide one from 641 px (a 593-px box: 9-px text at
// least), the narrow one below. A script could redraw on resize; the page has none, by design.
constexpr std::string_view kStyle = R"(
body { font-family: sans-serif; font-size: 14px; margin: 24px; color: #222222; max-width: 1100px;
  overflow-wrap: anywhere; }
@media (max-width: 600px) { body { margin: 8px; } }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #cccccc; }
h3 { font-size: 15px; margin-top: 20px; }
p.meta { color: #555555; margin-top: 0; }
table { border-collapse: collapse; margin: 8px 0; display: block; max-width: 100%;
  overflow-x: auto; overflow-wrap: normal; }
th, td { border: 1px solid #dddddd; padding: 2px 8px; text-align: right; }
th { background: #f2f2f2; }
td.text, th.text { text-align: left; }
td.cause, td.class { font-weight: bold; }
pre.mem-info { font-size: 11px; line-height: 1.15; background: #fafafa; padding: 6px;
  overflow-x: auto; overflow-wrap: normal; }
svg { max-width: 100%; height: auto; }
svg.curve-chart { width: 100%; }
.chart-box svg.curve-chart { max-width: 960px; }
.narrow-only { display: none; }
@media (max-width: 640px) { .wide-only { display: none; } .narrow-only { display: revert; } }
.chart-box { margin: 8px 0; }
ul.chart-legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap;
  gap: 2px 14px; font-size: 12px; }
ul.chart-legend .swatch { margin-left: 0; }
#chart-bytes-box { display: none; }
#x-axis-bytes:checked ~ #chart-bytes-box { display: block; }
#x-axis-bytes:checked ~ #chart-events-box { display: none; }
.heap-map-panel { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.tile-legend { font-size: 12px; margin: 4px 0; }
.swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px;
  border: 1px solid #999999; }
.small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr));
  gap: 12px; }
.small-multiple { border: 2px solid #dddddd; padding: 4px; min-width: 0; }
.small-multiple p { margin: 2px 0; font-size: 12px; }
.small-multiple p.counts { color: #555555; }
.small-multiple.recommended-best { border-color: #2a7a2a; }
.small-multiple.recommended-runner-up { border: 2px dashed #2a7a2a; }
p.recommendation { background: #f2f8f2; padding: 6px; }
.note { color: #555555; font-size: 12px; }
section.gate { padding: 2px 8px; margin: 12px 0; }
section.gate-passed { background: #f2f8f2; }
section.gate-failed, p.warning { background: #fbeeee; }
ul.islands { margin: 0; padding-left: 16px; }
li.island-fail { color: #a02020; }
)";

}  // namespace

void write_html_page_start(std::ostream& out, std::string_view title) {
  fmt::print(out,
             "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
             "<head>\n<meta charset=\"utf-8\"/>\n<title>{}</title>\n<style>{}</style>\n"
             "</head>\n<body>\n",
             xml_escape(title), kStyle);
}

void write_html_page_end(std::ostream& out) { out << "</body>\n</html>\n"; }

}  // namespace gcsim
