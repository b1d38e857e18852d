// Text made safe to put in XML or HTML, as element text or as an attribute value: &, <, >, " and
// ' become character references (numeric for ', which HTML4 lacks a name for), and the control
// characters XML 1.0 cannot hold (below 0x20 but tab, line feed and carriage return), bytes that
// are not UTF-8, surrogates and the noncharacters U+FFFE and U+FFFF become '?',
// so a label or file name from a trace can never break the markup. The HTML report, its inline
// SVG and a sweep's JUnit XML all escape with it, so each stays well-formed XML.
#pragma once

#include <string>
#include <string_view>

namespace gcsim {

std::string xml_escape(std::string_view text);

}  // namespace gcsim
