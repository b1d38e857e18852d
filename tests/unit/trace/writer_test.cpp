// Writer: is a trace written as .jsonl with one compact object a line, keys in a fixed order,
// and does reading what was written give back the same header and events?
#include "trace/writer.h"

#include <sstream>

#include <gtest/gtest.h>

#include "trace/reader.h"
#include "trace_events.h"
#include "trace_files.h"

namespace gcsim {
namespace {

using namespace gcsim::test;

std::string written(const TraceHeader& header, const std::vector<Event>& events) {
  std::ostringstream out;
  write_trace_jsonl(out, header, events);
  return out.str();
}

TEST(WriterJsonl, WritesOneCompactObjectALineInAFixedKeyOrder) {
  TraceHeader header;
  header.name = "cam";
  header.description = "a \"quoted\"\nline";
  header.geometry = "k210";
  EXPECT_EQ(
      written(header, {alloc(1, 48, true, "list"), realloc(1, 96), link(Op::ref, 1, 2),
                       link(Op::unref, 1, 2), on_id(Op::drop, 1), on_id(Op::hold, 1),
                       on_id(Op::free, 1), bare(Op::collect), bare(Op::disable), bare(Op::enable),
                       threshold(-1), mark("boot"), observe(10, 20), observe(std::nullopt, 5)}),
      R"({"format":"gcsim-trace","version":1,"name":"cam","description":"a \"quoted\"\nline","geometry":"k210"}
{"op":"alloc","id":1,"size":48,"fin":true,"type":"list"}
{"op":"realloc","id":1,"size":96}
{"op":"ref","from":1,"to":2}
{"op":"unref","from":1,"to":2}
{"op":"drop","id":1}
{"op":"hold","id":1}
{"op":"free","id":1}
{"op":"collect"}
{"op":"disable"}
{"op":"enable"}
{"op":"threshold","amount":-1}
{"op":"mark","label":"boot"}
{"op":"observe","mem_alloc":10,"mem_free":20}
{"op":"observe","mem_free":5}
)");
}

TEST(WriterJsonl, LeavesOutOptionalFieldsAtTheirDefault) {
  TraceHeader header;
  header.version = 7;  // the writer writes the version it knows
  EXPECT_EQ(written(header, {alloc(3, 0)}), R"({"format":"gcsim-trace","version":1}
{"op":"alloc","id":3,"size":0}
)");
}

TEST(WriterJsonl, ReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(written(TraceHeader{}, {mark("a\xFF")}),
            "{\"format\":\"gcsim-trace\",\"version\":1}\n"
            "{\"op\":\"mark\",\"label\":\"a\xEF\xBF\xBD\"}\n");  // U+FFFD
}

TEST(WriterJsonl, ReadingWhatWasWrittenGivesItBack) {
  TraceHeader header;
  header.name = "round";
  header.description = "trip \u00e9 \U0001F600";
  header.geometry = "wasm32";
  const std::vector<Event> events = {
      alloc(0, 0),
      alloc(9007199254740991, 1099511627776, true, "tuple \"x\"\n"),
      realloc(0, 33),
      link(Op::ref, 9007199254740991, 0),
      link(Op::unref, 9007199254740991, 0),
      on_id(Op::drop, 0),
      on_id(Op::hold, 0),
      on_id(Op::free, 0),
      bare(Op::collect),
      bare(Op::disable),
      bare(Op::enable),
      threshold(std::numeric_limits<std::int64_t>::min()),
      threshold(std::numeric_limits<std::int64_t>::max()),
      mark(""),
      mark("\t\u2603"),
      observe(std::numeric_limits<std::int64_t>::min(), std::nullopt),
      observe(0, 0)};
  TraceFiles files;
  for (const char* name : {"t.jsonl", "t.jsonl.gz"}) {
    TraceHeader read_header;
    EXPECT_EQ(read_all_events(files.write(name, written(header, events)), &read_header), events)
        << name;
    EXPECT_EQ(read_header, header) << name;
  }
}

TEST(WriterJsonl, RoundTripsTheEdgeCasesTrace) {
  TraceHeader header;
  const std::vector<Event> events = read_all_events(
      std::string(GCSIM_TEST_DATA_DIR) + "/unit/trace/data/edge-cases.json", &header);
  TraceFiles files;
  TraceHeader read_header;
  EXPECT_EQ(read_all_events(files.write("edge-cases.jsonl", written(header, events)), &read_header),
            events);
  EXPECT_EQ(read_header, header);
}

}  // namespace
}  // namespace gcsim
