// heap_map_target: does `--at` read every accepted form, and name the text and the forms for
// anything else?
#include <gtest/gtest.h>

#include <stdexcept>

#include "report/heap_map/target.h"

namespace gcsim {
namespace {

using Kind = HeapMapTarget::Kind;

TEST(HeapMapTarget, AcceptedForms) {
  EXPECT_EQ(parse_heap_map_target("0"), (HeapMapTarget{Kind::event, 0, {}}));
  EXPECT_EQ(parse_heap_map_target("1234"), (HeapMapTarget{Kind::event, 1234, {}}));
  EXPECT_EQ(parse_heap_map_target("peak"), (HeapMapTarget{Kind::peak, 0, {}}));
  EXPECT_EQ(parse_heap_map_target("end"), (HeapMapTarget{Kind::end, 0, {}}));
  EXPECT_EQ(parse_heap_map_target("fail:3"), (HeapMapTarget{Kind::failure, 3, {}}));
  EXPECT_EQ(parse_heap_map_target("mark:frame300"), (HeapMapTarget{Kind::mark, 1, "frame300"}));
  EXPECT_EQ(parse_heap_map_target("mark:frame300#2"),
            (HeapMapTarget{Kind::mark, 2, "frame300", true}));
  // A '#' not followed by a number belongs to the label; a label may hold spaces.
  EXPECT_EQ(parse_heap_map_target("mark:a#b"), (HeapMapTarget{Kind::mark, 1, "a#b"}));
  EXPECT_EQ(parse_heap_map_target("mark:frame 10"), (HeapMapTarget{Kind::mark, 1, "frame 10"}));
}

TEST(HeapMapTarget, RejectedForms) {
  for (const char* text :
       {"", "-1", "12x", "fail:", "fail:0", "fail:x", "mark:", "mark:#2", "mark:a#0", "top"}) {
    EXPECT_THROW(parse_heap_map_target(text), std::invalid_argument) << text;
  }
  try {
    parse_heap_map_target("top");
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "--at top: not a heap-map point (want EVENT, peak, end, fail:K or "
                 "mark:LABEL[#K])");
  }
}

}  // namespace
}  // namespace gcsim
