// Reader: are .json and .jsonl files (plain or gzipped) read as a stream into the sink, with
// every file-level rule (not JSON, empty, missing, bad header, duplicate keys, truncated or
// too-long lines) reported by rule, event index and line, each message one line?
#include "trace/reader.h"

#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "trace/trace_error.h"
#include "trace_events.h"
#include "trace_files.h"

namespace gcsim {
namespace {

using namespace gcsim::test;

constexpr std::string_view kHeader = R"({"format":"gcsim-trace","version":1})";

// Records what the reader hands over, and checks the header comes first and only once.
class RecordingSink : public TraceSink {
 public:
  void on_header(const TraceHeader& read) override {
    EXPECT_EQ(headers, 0) << "on_header twice";
    EXPECT_TRUE(events.empty()) << "on_header after an event";
    ++headers;
    header = read;
  }
  void on_event(const Event& event, const EventPosition& position) override {
    EXPECT_EQ(headers, 1) << "an event before on_header";
    events.push_back(event);
    positions.push_back(position);
  }

  int headers = 0;
  TraceHeader header;
  std::vector<Event> events;
  std::vector<EventPosition> positions;
};

std::string json_trace(std::string_view events) {
  return fmt::format(R"({{"format":"gcsim-trace","version":1,"events":[{}]}})", events);
}

std::string jsonl_trace(std::string_view lines) {
  return std::string(kHeader) + "\n" + std::string(lines);
}

void expect_error(const TraceErrorInfo& info, std::string_view rule,
                  std::optional<std::uint64_t> event, std::optional<std::uint64_t> line) {
  EXPECT_EQ(info.rule, rule) << info.detail;
  EXPECT_EQ(info.event, event) << info.rule << ": " << info.detail;
  EXPECT_EQ(info.line, line) << info.rule << ": " << info.detail;
}

// ---- .json ----

TEST(ReaderJson, ReadsTheHeaderAndEachEventWithItsLine) {
  TraceFiles files;
  const std::string path = files.write("t.json", R"({
  "format": "gcsim-trace", "version": 1, "name": "t", "description": "d", "geometry": "k210",
  "events": [
    {"op": "alloc", "id": 1, "size": 48, "fin": true, "type": "list"},
    {"op": "ref", "from": 1, "to": 1}, {"op": "collect"},
    {
      "op": "observe", "mem_alloc": 64
    }
  ]
}
)");
  RecordingSink sink;
  const ReadResult result = read_trace(path, sink);
  EXPECT_EQ(result.events, 4u);
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_EQ(result.header.name, "t");
  EXPECT_EQ(result.header.description, "d");
  EXPECT_EQ(result.header.geometry, "k210");
  EXPECT_EQ(sink.header, result.header);
  EXPECT_EQ(sink.events, (std::vector<Event>{alloc(1, 48, true, "list"), link(Op::ref, 1, 1),
                                             bare(Op::collect), observe(64, std::nullopt)}));
  ASSERT_EQ(sink.positions.size(), 4u);
  for (std::uint64_t i = 0; i < 4; ++i) EXPECT_EQ(sink.positions[i].index, i);
  EXPECT_EQ(sink.positions[0].line, 4u);
  EXPECT_EQ(sink.positions[1].line, 5u);
  EXPECT_EQ(sink.positions[2].line, 5u);
  EXPECT_EQ(sink.positions[3].line, 6u);  // where its `{` stands
}

TEST(ReaderJson, IgnoresUnknownTopLevelKeysAnywhere) {
  TraceFiles files;
  const std::string path = files.write(
      "t.json",
      R"({"x-before":{"a":[1,{"b":"events"}],"events":5},"format":"gcsim-trace","version":1,)"
      R"("generator":"gen.py","events":[{"op":"collect"}],"x-after":[[{"format":2}],null]})");
  EXPECT_EQ(read_all_events(path), std::vector<Event>{bare(Op::collect)});
}

TEST(ReaderJson, ReadsAnEmptyEventsArray) {
  TraceFiles files;
  TraceHeader header;
  EXPECT_TRUE(read_all_events(files.write("t.json", json_trace("")), &header).empty());
  EXPECT_EQ(header, TraceHeader{});
}

TEST(ReaderJson, SkipsALeadingByteOrderMark) {
  TraceFiles files;
  const std::string path = files.write("t.json", "\xEF\xBB\xBF" + json_trace(R"({"op":"enable"})"));
  EXPECT_EQ(read_all_events(path), std::vector<Event>{bare(Op::enable)});
}

TEST(ReaderJson, NotJsonNamesTheEventAndTheLineWhereParsingStopped) {
  TraceFiles files;
  const std::string path = files.write("t.json", R"({"format":"gcsim-trace","version":1,"events":[
{"op":"collect"},
{"op":"alloc","id":1,"size":}
]})");
  const TraceErrorInfo info = read_error(path);
  expect_error(info, "not-json", 1, 3);
  EXPECT_EQ(info.file, path);
  EXPECT_NE(info.detail.find("column"), std::string::npos) << info.detail;
  EXPECT_EQ(info.detail.find("json.exception"), std::string::npos) << info.detail;
}

TEST(ReaderJson, RejectsNaNAndInfinity) {
  TraceFiles files;
  expect_error(
      read_error(files.write("nan.json", json_trace(R"({"op":"threshold","amount":NaN})"))),
      "not-json", 0, 1);
  expect_error(
      read_error(files.write(
          "inf.json", json_trace(R"({"op":"collect"},{"op":"threshold","amount":Infinity})"))),
      "not-json", 1, 1);
  expect_error(
      read_error(files.write("neg.json", json_trace(R"({"op":"threshold","amount":-Infinity})"))),
      "not-json", 0, 1);
}

TEST(ReaderJson, RejectsTrailingTextAndATruncatedDocument) {
  TraceFiles files;
  expect_error(read_error(files.write("trail.json", json_trace("") + "\n{}")), "not-json",
               std::nullopt, 2);
  expect_error(read_error(files.write(
                   "cut.json",
                   R"({"format":"gcsim-trace","version":1,"events":[{"op":"collect"},{"op":"al)")),
               "not-json", 1, 1);
}

TEST(ReaderJson, ANumberBeyondADoubleIsOutOfRange) {
  TraceFiles files;
  expect_error(
      read_error(files.write("t.json", json_trace(R"({"op":"threshold","amount":1e400})"))),
      "out-of-range", 0, 1);
  expect_error(read_error(files.write("t.jsonl", jsonl_trace(R"({"op":"free","id":)" +
                                                             std::string(400, '9') + "}\n"))),
               "out-of-range", 0, 2);
}

TEST(ReaderJson, MessagesStayValidUtf8) {
  TraceFiles files;
  const TraceErrorInfo info =
      read_error(files.write("t.json", json_trace("{\"op\":\"mark\",\"label\":\"\xFF\"}")));
  EXPECT_EQ(info.rule, "not-json");
  EXPECT_EQ(info.detail.find('\xFF'), std::string::npos) << info.detail;
}

TEST(ReaderJson, EventRulesNameTheEventAndItsLine) {
  TraceFiles files;
  const std::string path = files.write("t.json", R"({"format":"gcsim-trace","version":1,"events":[
  {"op":"alloc","id":1,"size":4},
  {"op":"alloc","id":2,"size":4},

  {"op":"alloc","id":18446744073709551616,"size":4}
]})");
  expect_error(read_error(path), "out-of-range", 2, 5);
}

TEST(ReaderJson, DuplicateKeysAreRejected) {
  TraceFiles files;
  expect_error(read_error(files.write("event.json", json_trace(R"({"op":"collect"},
{"op":"alloc","id":1,"size":4,"size":8})"))),
               "duplicate-key", 1, 2);
  expect_error(
      read_error(files.write("nested.json", json_trace(R"({"op":"mark","label":{"a":1,"a":2}})"))),
      "duplicate-key", 0, 1);
  expect_error(
      read_error(files.write("header.json",
                             R"({"format":"gcsim-trace","version":1,"version":1,"events":[]})")),
      "duplicate-key", std::nullopt, 1);
  expect_error(
      read_error(files.write("unknown.json",
                             R"({"format":"gcsim-trace","x":1,"version":1,"x":2,"events":[]})")),
      "duplicate-key", std::nullopt, 1);
  expect_error(read_error(files.write("events.json", json_trace("") + R"(,"events":[])")),
               "not-json", std::nullopt, 1);
}

TEST(ReaderJson, HeaderRules) {
  TraceFiles files;
  const auto rule_of = [&](std::string_view content) {
    return read_error(files.write("t.json", content)).rule;
  };
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":1})"), "bad-header");  // no events
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":1,"events":{}})"), "bad-header");
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":1,"events":5})"), "bad-header");
  EXPECT_EQ(rule_of(R"([{"op":"collect"}])"), "bad-header");
  EXPECT_EQ(rule_of(R"("gcsim-trace")"), "bad-header");
  EXPECT_EQ(rule_of(R"({"format":"other","version":1,"events":[]})"), "bad-header");
  EXPECT_EQ(rule_of(R"({"version":1,"events":[]})"), "bad-header");
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":2,"events":[]})"), "unsupported-version");
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":2})"), "unsupported-version");
  // A stream cannot go back: the header comes before the events.
  EXPECT_EQ(rule_of(R"({"events":[],"format":"gcsim-trace","version":1})"), "bad-header");
  EXPECT_EQ(rule_of(R"({"format":"gcsim-trace","version":1,"events":[],"name":"late"})"),
            "bad-header");
}

// ---- .jsonl ----

TEST(ReaderJsonl, ReadsTheHeaderAndEachEventWithItsLine) {
  TraceFiles files;
  const std::string path =
      files.write("t.jsonl", R"({"format":"gcsim-trace","version":1,"name":"t","generator":"x"})"
                             "\n\n"
                             R"({"op":"alloc","id":7,"size":0})"
                             "\r\n  \t\n"
                             R"({"op":"mark","label":"a\nb"})"
                             "\n\n");
  RecordingSink sink;
  const ReadResult result = read_trace(path, sink);
  EXPECT_EQ(result.events, 2u);
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_EQ(sink.header.name, "t");
  EXPECT_EQ(sink.events, (std::vector<Event>{alloc(7, 0), mark("a\nb")}));
  ASSERT_EQ(sink.positions.size(), 2u);
  EXPECT_EQ(sink.positions[0].index, 0u);
  EXPECT_EQ(sink.positions[0].line, 3u);
  EXPECT_EQ(sink.positions[1].index, 1u);
  EXPECT_EQ(sink.positions[1].line, 5u);
}

TEST(ReaderJsonl, ALastLineWithoutNewlineIsReadWhenItParses) {
  TraceFiles files;
  const std::string path = files.write("t.jsonl", jsonl_trace(R"({"op":"collect"})"));
  RecordingSink sink;
  EXPECT_TRUE(read_trace(path, sink).warnings.empty());
  EXPECT_EQ(sink.events, std::vector<Event>{bare(Op::collect)});
}

TEST(ReaderJsonl, ATruncatedLastLineIsAWarning) {
  TraceFiles files;
  const std::string path = files.write(
      "t.jsonl", jsonl_trace("{\"op\":\"collect\"}\n\n{\"op\":\"alloc\",\"id\":1,\"si"));
  RecordingSink sink;
  const ReadResult result = read_trace(path, sink);
  EXPECT_EQ(sink.events, std::vector<Event>{bare(Op::collect)});
  EXPECT_EQ(result.events, 1u);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_TRUE(result.warnings[0].message.starts_with(path + ":4: truncated last line"))
      << result.warnings[0].message;
  EXPECT_EQ(result.warnings[0].message.find('\n'), std::string::npos);
}

TEST(ReaderJsonl, ABadLineBeforeTheLastIsAnError) {
  TraceFiles files;
  const std::string path = files.write(
      "t.jsonl",
      jsonl_trace(
          "{\"op\":\"collect\"}\n\n{\"op\":\"alloc\",\"id\":1,\"si\n{\"op\":\"collect\"}\n"));
  const TraceErrorInfo info = read_error(path);
  expect_error(info, "not-json", 1, 4);
  EXPECT_EQ(info.file, path);
}

TEST(ReaderJsonl, ABadLastLineEndingInANewlineIsAnError) {
  TraceFiles files;
  expect_error(read_error(files.write("t.jsonl", jsonl_trace("{\"op\":\"collect\"}\n{\"op\"\n"))),
               "not-json", 1, 3);
}

TEST(ReaderJsonl, ALastLineThatParsesButBreaksARuleIsAnError) {
  TraceFiles files;
  expect_error(
      read_error(files.write("t.jsonl", jsonl_trace("{\"op\":\"collect\"}\n{\"op\":\"gc\"}"))),
      "unknown-op", 1, 3);
}

TEST(ReaderJsonl, ATruncatedHeaderIsAnError) {
  TraceFiles files;
  expect_error(read_error(files.write("t.jsonl", R"({"format":"gcsim-trace","vers)")), "not-json",
               std::nullopt, 1);
}

TEST(ReaderJsonl, RejectsNaN) {
  TraceFiles files;
  expect_error(
      read_error(files.write("t.jsonl", jsonl_trace("{\"op\":\"threshold\",\"amount\":NaN}\n"))),
      "not-json", 0, 2);
}

TEST(ReaderJsonl, SkipsALeadingByteOrderMark) {
  TraceFiles files;
  const std::string path =
      files.write("t.jsonl", "\xEF\xBB\xBF" + jsonl_trace("{\"op\":\"disable\"}\n"));
  EXPECT_EQ(read_all_events(path), std::vector<Event>{bare(Op::disable)});
}

TEST(ReaderJsonl, EventRulesNameTheEventAndItsLine) {
  TraceFiles files;
  const std::string path = files.write(
      "t.jsonl", jsonl_trace("{\"op\":\"collect\"}\n\n{\"op\":\"alloc\",\"id\":1,\"sise\":4}\n"));
  expect_error(read_error(path), "unknown-field", 1, 4);
}

TEST(ReaderJsonl, DuplicateKeysAreRejected) {
  TraceFiles files;
  expect_error(
      read_error(files.write("event.jsonl", jsonl_trace("{\"op\":\"drop\",\"id\":1,\"id\":2}\n"))),
      "duplicate-key", 0, 2);
  expect_error(
      read_error(files.write("header.jsonl",
                             R"({"format":"gcsim-trace","version":1,"format":"gcsim-trace"})")),
      "duplicate-key", std::nullopt, 1);
}

TEST(ReaderJsonl, HeaderRules) {
  TraceFiles files;
  expect_error(read_error(files.write("events.jsonl", json_trace(""))), "bad-header", std::nullopt,
               1);
  expect_error(read_error(files.write("format.jsonl", "\n{\"format\":\"gcsim\",\"version\":1}\n")),
               "bad-header", std::nullopt, 2);
  expect_error(
      read_error(files.write("version.jsonl", "{\"format\":\"gcsim-trace\",\"version\":3}\n")),
      "unsupported-version", std::nullopt, 1);
  expect_error(read_error(files.write("event.jsonl", "{\"op\":\"collect\"}\n")), "bad-header",
               std::nullopt, 1);
}

TEST(ReaderJsonl, ALineOver64MiBIsRefusedWithoutReadingItAll) {
  TraceFiles files;
  std::string content = jsonl_trace("{\"op\":\"collect\"}\n{\"op\":\"mark\",\"label\":\"");
  content.append(kMaxLineBytes, 'x');
  content += "\"}\n";
  expect_error(read_error(files.write("t.jsonl.gz", content)), "line-too-long", 1, 3);
}

// ---- files ----

TEST(ReaderFile, EmptyFiles) {
  TraceFiles files;
  for (const char* name : {"a.json", "a.jsonl", "b.json.gz", "b.jsonl.gz"}) {
    for (std::string_view content : {"", " \n\t\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
      SCOPED_TRACE(name);
      expect_error(read_error(files.write(name, content)), "empty-file", std::nullopt,
                   std::nullopt);
    }
  }
}

TEST(ReaderFile, AMissingFileIsNamedAsGiven) {
  TraceFiles files;
  const std::string path = files.path("none.jsonl");
  const TraceErrorInfo info = read_error(path);
  EXPECT_EQ(info.rule, "missing-file");
  EXPECT_EQ(info.file, path);
}

TEST(ReaderFile, ADirectoryIsUnreadable) {
  TraceFiles files;
  const std::string path = files.path("dir.json");
  std::filesystem::create_directory(path);
  EXPECT_EQ(read_error(path).rule, "unreadable-file");
}

TEST(ReaderFile, AnUnknownEndingIsRefusedBeforeOpening) {
  TraceFiles files;
  EXPECT_EQ(read_error(files.path("none.txt")).rule, "unknown-extension");
}

TEST(ReaderFile, ReadsGzippedJsonAndJsonl) {
  TraceFiles files;
  const std::vector<Event> expected = {alloc(1, 16), on_id(Op::drop, 1), bare(Op::collect)};
  EXPECT_EQ(
      read_all_events(files.write(
          "t.json.gz",
          json_trace(R"({"op":"alloc","id":1,"size":16},{"op":"drop","id":1},{"op":"collect"})"))),
      expected);
  EXPECT_EQ(read_all_events(files.write("t.jsonl.gz", jsonl_trace(R"({"op":"alloc","id":1,"size":16}
{"op":"drop","id":1}
{"op":"collect"}
)"))),
            expected);
}

// The header's `recorded` object (where the trace's liveness holds) reads the same from both
// shapes: a .json header key like the others, so a .json trace tied to its recorded run replays
// there too.
TEST(ReaderFile, ReadsTheRecordedObjectFromJsonAndJsonl) {
  TraceFiles files;
  constexpr std::string_view kRecorded =
      R"("recorded":{"liveness":"collections","heap_bytes":65536,"start_offset":16,)"
      R"("threshold":4096})";
  const RecordedSetting expected{
      .liveness = "collections", .heap_bytes = 65536, .start_offset = 16, .threshold = 4096};
  TraceHeader from_json, from_jsonl;
  read_all_events(
      files.write("t.json", fmt::format(R"({{"format":"gcsim-trace","version":1,{},"events":[]}})",
                                        kRecorded)),
      &from_json);
  read_all_events(
      files.write("t.jsonl",
                  fmt::format(R"({{"format":"gcsim-trace","version":1,{}}})", kRecorded) + "\n"),
      &from_jsonl);
  ASSERT_TRUE(from_json.recorded);
  EXPECT_EQ(*from_json.recorded, expected);
  EXPECT_EQ(from_json, from_jsonl);
  // Checked as in .jsonl, and like every known header key it must come before `events`.
  EXPECT_EQ(read_error(files.write("bad.json", R"({"format":"gcsim-trace","version":1,)"
                                               R"("recorded":{"liveness":"never"},"events":[]})"))
                .rule,
            "bad-header");
  EXPECT_EQ(read_error(files.write("late.json", fmt::format(R"({{"format":"gcsim-trace",)"
                                                            R"("version":1,"events":[],{}}})",
                                                            kRecorded)))
                .rule,
            "bad-header");
}

// A gzip file cut short: what was decompressed is read, then a warning says the stream ended.
TEST(ReaderFile, ATruncatedGzipIsReadUpToTheCutWithAWarning) {
  TraceFiles files;
  std::vector<Event> events;
  std::string lines;
  for (std::uint64_t id = 0; id < 20000; ++id) {
    events.push_back(alloc(id, id * 7919 % 4093));
    lines += fmt::format("{{\"op\":\"alloc\",\"id\":{},\"size\":{}}}\n", id, id * 7919 % 4093);
  }
  std::ifstream whole(files.write("whole.jsonl.gz", jsonl_trace(lines)), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(whole)),
                          std::istreambuf_iterator<char>());
  const std::string path = files.path("cut.jsonl.gz");
  std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() / 2);

  RecordingSink sink;
  const ReadResult result = read_trace(path, sink);
  ASSERT_GT(result.events, 1000u);
  ASSERT_LT(result.events, 20000u);
  events.resize(result.events);
  EXPECT_EQ(sink.events, events);
  ASSERT_FALSE(result.warnings.empty());
  EXPECT_NE(result.warnings.back().message.find("gzip stream ends early"), std::string::npos);
}

TEST(ReaderFile, CorruptGzipDataIsUnreadable) {
  TraceFiles files;
  std::string lines;
  for (int id = 0; id < 2000; ++id) lines += fmt::format("{{\"op\":\"free\",\"id\":{}}}\n", id);
  const std::string path = files.write("t.jsonl.gz", jsonl_trace(lines));
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  file.seekp(40);
  file.write("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8);
  file.close();
  EXPECT_EQ(read_error(path).rule, "unreadable-file");
}

// ---- the oracle's edge-cases trace (a copy in data/) ----

TEST(ReaderFixture, ReadsTheEdgeCasesTrace) {
  const std::string path = std::string(GCSIM_TEST_DATA_DIR) + "/unit/trace/data/edge-cases.json";
  RecordingSink sink;
  const ReadResult result = read_trace(path, sink);
  EXPECT_EQ(result.events, 245u);
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_EQ(result.header.name, "edge-cases");
  EXPECT_EQ(result.header.geometry, "k210");
  ASSERT_EQ(sink.events.size(), 245u);
  EXPECT_EQ(sink.events[0], mark("sizes"));
  EXPECT_EQ(sink.events[2], alloc(9007199254740991, 32));
  EXPECT_EQ(sink.positions[2].line, 11u);
  EXPECT_EQ(sink.events[57], alloc(7200, 1, true));
  EXPECT_EQ(sink.events[77], observe(0, std::nullopt));
  EXPECT_EQ(sink.events[84], alloc(8003, 1099511627776));
  EXPECT_EQ(sink.events[142], observe(0, 518144));
  EXPECT_EQ(sink.events.back(), bare(Op::collect));
}

}  // namespace
}  // namespace gcsim
