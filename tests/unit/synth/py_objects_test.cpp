// The MicroPython object model: does each Python operation make the gc_alloc calls v1.11 makes
// on a 64-bit port, in the same order — list and dict growth, vstr growth, str from vstr, the
// shapes seen in the real v1.11 logs (tests/oracle/mpy-logs)?
#include "synth/py_objects.h"

#include <gtest/gtest.h>

#include "synth/py_io.h"
#include "synth_events.h"

namespace gcsim::synth {
namespace {

using test::RecordingBuilder;

TEST(SynthPyObjects, ListAppendDoublesTheItemArrayByRealloc) {
  RecordingBuilder r;
  List list = new_list(r.b);
  for (int i = 0; i < 9; ++i) list_append(r.b, list, r.b.alloc(16, "float"));
  EXPECT_EQ(r.shown(),
            "a1:32:list a2:32 1>2 "
            "a3:16:float 2>3 d3 a4:16:float 2>4 d4 a5:16:float 2>5 d5 a6:16:float 2>6 d6 "
            "a7:16:float r2:64 2>7 d7 a8:16:float 2>8 d8 a9:16:float 2>9 d9 a10:16:float 2>10 d10 "
            "a11:16:float r2:128 2>11 d11");
  EXPECT_EQ(list.len, 9u);
  EXPECT_EQ(list.alloc, 16u);
}

TEST(SynthPyObjects, ListLiteralOfNItemsAllocatesAtLeastFourSlots) {
  RecordingBuilder r;
  new_list(r.b, 5);
  new_list(r.b, 2);
  EXPECT_EQ(r.shown(), "a1:32:list a2:40 1>2 a3:32:list a4:32 3>4");
}

TEST(SynthPyObjects, SealedListIsReachedThroughItsHeaderOnly) {
  RecordingBuilder r;
  List list = new_list(r.b);
  EXPECT_EQ(seal(r.b, list), ObjectId{1});
  EXPECT_EQ(r.shown(), "a1:32:list a2:32 1>2 d2");
}

TEST(SynthPyObjects, DictGrowsThroughHashAllocationSizesFreeingEachOldTable) {
  RecordingBuilder r;
  Dict dict = new_dict(r.b);
  std::vector<std::uint64_t> table_bytes;
  for (int k = 0; k < 24; ++k) dict_add(r.b, dict);
  for (const Event& e : r.events) {
    if (e.op == Op::alloc && e.text.empty()) table_bytes.push_back(e.size);
  }
  // 2, 4, 6, 8, 10, 12, 17, 23, 29 slots of 16 bytes (docs/geometry.md).
  EXPECT_EQ(table_bytes, (std::vector<std::uint64_t>{32, 64, 96, 128, 160, 192, 272, 368, 464}));
  EXPECT_EQ(dict.slots, 29u);
  // The new table comes before the old one is freed: "a3:64 1>3 1!2 f2".
  EXPECT_NE(r.shown().find("a3:64 1>3 1!2 f2"), std::string::npos);
}

TEST(SynthPyObjects, DictLiteralTableIsExactUntilItFills) {
  RecordingBuilder r;
  Dict dict = new_dict(r.b, 5);
  for (int k = 0; k < 7; ++k) dict_add(r.b, dict);
  EXPECT_EQ(r.shown(), "a1:32:dict a2:80 1>2 a3:96 1>3 1!2 f2 a4:128 1>4 1!3 f3");
}

TEST(SynthPyObjects, DictValuesAreReferencedAgainByEachNewTable) {
  RecordingBuilder r;
  Dict dict = new_dict(r.b, 1);
  dict_add(r.b, dict, r.b.alloc(16, "float"));
  dict_add(r.b, dict);
  EXPECT_EQ(r.shown(), "a1:32:dict a2:16 1>2 a3:16:float 2>3 a4:32 1>4 4>3 1!2 f2");
  EXPECT_EQ(seal(r.b, dict), ObjectId{1});
  EXPECT_TRUE(r.shown().ends_with("d3 d4"));
}

TEST(SynthPyObjects, VmDictHasNoHeader) {
  RecordingBuilder r;
  Dict dict = vm_dict(r.b, 1);
  dict_add(r.b, dict);
  dict_add(r.b, dict);
  EXPECT_EQ(r.shown(), "a1:16 a2:32 f1");
}

TEST(SynthPyObjects, PercentFormatMatchesTheV111Log) {
  // 'fps:%.2f' % fps in a_camera_preview: malloc 16, malloc 32, realloc 16 → 10.
  RecordingBuilder r;
  format_text(r.b, {literal(4), value(5)});
  EXPECT_EQ(r.shown(), "a1:16 a2:32:str r1:10 2>1 d1");
}

TEST(SynthPyObjects, VstrGrowsToRoundAllocOfLenPlusSixteen) {
  // 'OBSERVE %s ' % 'frame100' in the v1.11 logs: realloc 16 → 40, then 40 → 18.
  RecordingBuilder r;
  format_text(r.b, {literal(8), value(8), literal(1)});
  EXPECT_EQ(r.shown(), "a1:16 r1:40 a2:32:str r1:18 2>1 d1");
}

TEST(SynthPyObjects, StrIsHeaderThenLenPlusOneBytes) {
  RecordingBuilder r;
  new_str(r.b, 20);
  new_str(r.b, 3, "bytes");
  EXPECT_EQ(r.shown(), "a1:32:str a2:21 1>2 d2 a3:32:bytes a4:4 3>4 d4");
}

TEST(SynthPyObjects, TupleFloatBytearrayAndFunctionSizes) {
  RecordingBuilder r;
  new_tuple(r.b, 1000);
  new_float(r.b);
  new_bytearray(r.b, 100);
  new_function(r.b, 2);
  EXPECT_EQ(r.shown(), "a1:8016:tuple a2:16:float a3:32:bytearray a4:100 3>4 d4 a5:48:function");
}

TEST(SynthPyObjects, ConcatAllocatesTheExactBufferThenTheHeader) {
  RecordingBuilder r;
  concat(r.b, 23);
  EXPECT_EQ(r.shown(), "a1:24 a2:32:str 2>1 d1");
}

TEST(SynthPyObjects, ReadAllExtendsBy256BytesPerFullRead) {
  RecordingBuilder r;
  read_all(r.b, 700, "str");
  read_all(r.b, 512, "bytes");
  EXPECT_EQ(r.shown(),
            "a1:256 r1:512 r1:768 a2:32:str r1:701 2>1 d1 "
            "a3:256 r3:512 r3:768 a4:32:bytes r3:513 4>3 d3");
}

TEST(SynthPyObjects, ReadlineGrowsAByteAtATimeAndEndOfFileFreesTheBuffer) {
  RecordingBuilder r;
  readline(r.b, 20, "str");
  EXPECT_FALSE(readline(r.b, 0, "str"));
  EXPECT_EQ(r.shown(), "a1:16 r1:40 a2:32:str r1:21 2>1 d1 a3:16 f3");
}

TEST(SynthPyObjects, FileObjectCarriesAFinaliser) {
  RecordingBuilder r;
  open_file(r.b);
  EXPECT_EQ(r.shown(), "a1:64:fin");
}

}  // namespace
}  // namespace gcsim::synth
