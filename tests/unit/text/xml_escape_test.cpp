// xml_escape: can any text break the markup it is put in? The five special characters become
// references, control characters XML 1.0 cannot hold become '?', and everything else — tab,
// line breaks, UTF-8 — passes unchanged.
#include "text/xml_escape.h"

#include <gtest/gtest.h>

namespace gcsim {
namespace {

TEST(XmlEscape, TheFiveSpecialCharactersBecomeReferences) {
  EXPECT_EQ(xml_escape(R"(a<b & "c" > 'd')"), "a&lt;b &amp; &quot;c&quot; &gt; &#39;d&#39;");
}

TEST(XmlEscape, ControlCharactersXmlCannotHoldBecomeQuestionMarks) {
  EXPECT_EQ(xml_escape(std::string("a\x01"
                                   "b\x1f"
                                   "c\0d",
                                   7)),
            "a?b?c?d");
  EXPECT_EQ(xml_escape("tab\tline\nreturn\r"), "tab\tline\nreturn\r");
}

TEST(XmlEscape, TextXmlCannotHoldBecomesQuestionMarks) {
  EXPECT_EQ(xml_escape("a\xEF\xBF\xBE"
                       "b\xEF\xBF\xBF"
                       "c"),
            "a?b?c");  // U+FFFE, U+FFFF
  EXPECT_EQ(xml_escape("a\xFF"
                       "b\xC3"),
            "a?b?");  // not UTF-8
  EXPECT_EQ(xml_escape("a\xED\xA0\x80"
                       "b"),
            "a?b");  // a surrogate
  EXPECT_EQ(xml_escape("\xEF\xBF\xBD \xF0\x9F\x98\x80"), "\xEF\xBF\xBD \xF0\x9F\x98\x80");
}

TEST(XmlEscape, OtherTextPassesUnchanged) {
  EXPECT_EQ(xml_escape("mem_alloc 3,168 → 2,016 · ☆"), "mem_alloc 3,168 → 2,016 · ☆");
  EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace gcsim
