// Text and attribute values for the HTML report and its inline SVG: &, <, >, " and ' become
// character references, so a label or file name from a trace can never break the markup (the
// report stays well-formed XML as well as HTML).
#pragma once

#include <string>
#include <string_view>

namespace gcsim {

std::string xml_escape(std::string_view text);

}  // namespace gcsim
