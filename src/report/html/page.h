// The frame every gcsim HTML page shares: the doctype, <head> with the inline style sheet, and
// the closing tags. Pages are XHTML-compatible HTML5 (every element closed, attributes quoted,
// numeric character references only), so an XML parser reads them as well as a browser; they
// load nothing from the network and need no script.
#pragma once

#include <ostream>
#include <string_view>

namespace gcsim {

void write_html_page_start(std::ostream& out, std::string_view title);
void write_html_page_end(std::ostream& out);

}  // namespace gcsim
