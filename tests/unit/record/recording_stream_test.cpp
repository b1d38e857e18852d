// RecordingStream against hand-written records (the format of
// src/record/micropython/gcsim_record/event_stream.h): each record becomes its event, marks go
// where the program last read the heap's figures, and a broken stream is an error.
#include "record/recording_stream.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace gcsim {
namespace {

// Records as bytes: an op, then LEB128 varints.
class Bytes {
 public:
  Bytes& op(char c) {
    s_ += c;
    ++records_;
    return *this;
  }
  Bytes& u(std::uint64_t v) {
    while (v >= 0x80) {
      s_ += static_cast<char>(v | 0x80);
      v >>= 7;
    }
    s_ += static_cast<char>(v);
    return *this;
  }
  Bytes& text(const std::string& t) {
    u(t.size());
    s_ += t;
    return *this;
  }
  Bytes& end() {
    const std::uint64_t before = records_;
    s_ += 'z';
    return u(before);
  }
  const std::string& str() const { return s_; }

 private:
  std::string s_;
  std::uint64_t records_ = 0;
};

std::vector<Event> decode(const std::string& bytes, std::size_t piece = 0) {
  std::vector<Event> events;
  RecordingStream stream([&](const Event& e) { events.push_back(e); });
  if (piece == 0) piece = bytes.size();
  for (std::size_t i = 0; i < bytes.size(); i += piece) {
    stream.feed(std::string_view(bytes).substr(i, piece));
  }
  stream.finish();
  EXPECT_TRUE(stream.facts().ended);
  return events;
}

Event alloc(std::uint64_t id, std::uint64_t size, bool fin = false, std::string type = "") {
  Event e;
  e.op = Op::alloc;
  e.id = id;
  e.size = size;
  e.fin = fin;
  e.text = std::move(type);
  return e;
}

Event with_id(Op op, std::uint64_t id) {
  Event e;
  e.op = op;
  e.id = id;
  return e;
}

Event mark(std::string label) {
  Event e;
  e.op = Op::mark;
  e.text = std::move(label);
  return e;
}

TEST(RecordingStream, EachRecordBecomesItsEvent) {
  Bytes b;
  b.op('h').u(16).u(518144).u(1);
  b.op('a').u(1).u(48).u(0).u(1);   // a tuple
  b.op('a').u(2).u(300).u(1).u(0);  // with a finaliser, no known type
  b.op('r').u(2).u(700);
  b.op('t').u(4096 * 2);  // zigzag(4096)
  b.op('t').u(1);         // zigzag(-1): off
  b.op('x').op('e').op('c');
  b.op('d').u(1);
  b.op('f').u(2);
  b.end();
  Event realloc = with_id(Op::realloc, 2);
  realloc.size = 700;
  Event on, off;
  on.op = Op::threshold;
  on.amount = 4096;
  off.op = Op::threshold;
  off.amount = -1;
  Event disable, enable, collect;
  disable.op = Op::disable;
  enable.op = Op::enable;
  collect.op = Op::collect;
  const std::vector<Event> expected = {
      alloc(1, 48, false, "tuple"), alloc(2, 300, true), realloc, on, off, disable, enable, collect,
      with_id(Op::drop, 1),         with_id(Op::free, 2)};
  EXPECT_EQ(decode(b.str()), expected);
  // The same bytes arriving one at a time decode the same.
  EXPECT_EQ(decode(b.str(), 1), expected);
}

TEST(RecordingStream, HeaderFactsAndCounts) {
  Bytes b;
  b.op('h').u(16).u(518144).u(4);
  b.op('o').u(19200).op('o').u(64);
  b.op('w').u(0);
  b.end();
  RecordingStream stream([](const Event&) {});
  stream.feed(b.str());
  stream.finish();
  EXPECT_EQ(stream.facts().heap_start_offset, 16u);
  EXPECT_EQ(stream.facts().pool_bytes, 518144u);
  EXPECT_EQ(stream.facts().liveness_every, 4u);
  EXPECT_EQ(stream.facts().out_of_memory, 2u);
  EXPECT_EQ(stream.facts().first_out_of_memory_bytes, 19200u);
  EXPECT_EQ(stream.facts().liveness_misses, 1u);
  EXPECT_EQ(stream.facts().records, 4u);
}

TEST(RecordingStream, MarkGoesWhereTheHeapWasLastRead) {
  Bytes b;
  b.op('a').u(1).u(16).u(0).u(0);
  b.op('i');                       // gc.mem_alloc()
  b.op('i');                       // gc.mem_free(): the later read counts
  b.op('a').u(2).u(40).u(0).u(4);  // the line being formatted
  b.op('d').u(1);
  b.op('m').text("frame1");
  b.op('a').u(3).u(16).u(0).u(0);
  b.end();
  const std::vector<Event> expected = {alloc(1, 16), mark("frame1"), alloc(2, 40, false, "str"),
                                       with_id(Op::drop, 1), alloc(3, 16)};
  EXPECT_EQ(decode(b.str()), expected);
}

TEST(RecordingStream, MarkWithoutARead) {
  Bytes b;
  b.op('a').u(1).u(16).u(0).u(0);
  b.op('m').text("start");
  b.op('i');  // a read with no line after it: nothing moves
  b.op('a').u(2).u(16).u(0).u(0);
  b.end();
  const std::vector<Event> expected = {alloc(1, 16), mark("start"), alloc(2, 16)};
  EXPECT_EQ(decode(b.str()), expected);
}

TEST(RecordingStream, LabelsKeepPrintableAsciiOnly) {
  Bytes b;
  b.op('m').text(std::string("a\x1b[31m\xff", 7));
  b.end();
  EXPECT_EQ(decode(b.str()), std::vector<Event>{mark("a?[31m?")});
}

// The MaixPy stand-ins name their objects and buffers (event_stream.h's codes 11–19) and mark
// frames "frame K": both come through as the stand-ins wrote them.
TEST(RecordingStream, StandInNamesAndFrameMarks) {
  Bytes b;
  const std::vector<std::string> names = {"Image",          "pixels",   "pix_ai",
                                          "kpu_net",        "kpu_fmap", "kpu_yolo2",
                                          "kpu_yolo2_find", "clock",    "file"};
  for (std::uint64_t code = 11; code < 11 + names.size(); ++code) {
    b.op('a').u(code).u(40).u(code == 14 ? 1 : 0).u(code);
  }
  b.op('m').text("frame 12");
  b.op('a').u(99).u(16).u(0).u(20);  // a code gcsim does not know: no name
  b.end();
  std::vector<Event> expected;
  for (std::uint64_t code = 11; code < 11 + names.size(); ++code) {
    expected.push_back(alloc(code, 40, code == 14, names[code - 11]));
  }
  expected.push_back(mark("frame 12"));
  expected.push_back(alloc(99, 16));
  EXPECT_EQ(decode(b.str()), expected);
}

TEST(RecordingStream, BrokenStreams) {
  RecordingStream unknown([](const Event&) {});
  EXPECT_THROW(unknown.feed("q"), std::runtime_error);

  RecordingStream cut([](const Event&) {});
  cut.feed(std::string("a\x01\x90", 3));  // size's varint unfinished
  EXPECT_THROW(cut.finish(), std::runtime_error);

  Bytes wrong_count;
  wrong_count.op('c');
  std::string bytes = wrong_count.str() + "z" + std::string(1, '\x05');
  RecordingStream count([](const Event&) {});
  EXPECT_THROW(count.feed(bytes), std::runtime_error);

  Bytes after_end;
  after_end.end();
  RecordingStream after([](const Event&) {});
  EXPECT_THROW(after.feed(after_end.str() + "c"), std::runtime_error);
}

}  // namespace
}  // namespace gcsim
