// Event lines: do the fast parser (fast_event_parser.h, with the reference behind it) and the
// reference (nlohmann SAX + validate_event) give the same Event, or the same TraceError (rule,
// place and message), for every line? Generated lines: valid events of every op with random key
// order, whitespace and boundary values, and the same lines broken in every way we could think
// of (byte flips, cuts, duplicate keys, wrong types, big numbers, escapes, unicode).
#include "trace/event_line.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "trace/fast_event_parser.h"
#include "trace/jsonl_reader.h"
#include "trace/trace_error.h"
#include "trace_events.h"
#include "trace_files.h"

namespace gcsim {
namespace {

using Outcome = std::variant<Event, std::string>;  // the event, or the error's whole message

std::string describe(const Outcome& outcome) {
  if (const auto* message = std::get_if<std::string>(&outcome)) return "error " + *message;
  const Event& e = std::get<Event>(outcome);
  return fmt::format("{} id={} to={} size={} fin={} amount={} text=\"{}\" mem_alloc={} mem_free={}",
                     op_name(e.op), e.id, e.to, e.size, e.fin, e.amount, e.text,
                     e.mem_alloc ? fmt::format("{}", *e.mem_alloc) : "-",
                     e.mem_free ? fmt::format("{}", *e.mem_free) : "-");
}

Outcome parse(std::string_view line, EventParser parser, Event& event) {
  try {
    parse_event_line(line, {"t.jsonl", 7, 9}, parser, event);
    return event;
  } catch (const TraceError& error) {
    return std::string(error.what());
  }
}

// Random lines: valid events, then mutated.
class LineMaker {
 public:
  explicit LineMaker(std::uint64_t seed) : random_(seed) {}

  std::string line() {
    std::string text = event();
    const int mutations = pick(3) == 0 ? 0 : 1 + pick(3);
    for (int i = 0; i < mutations; ++i) mutate(text);
    return text;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  template <typename T>
  const T& one_of(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(pick(static_cast<int>(items.size())))];
  }

  std::string space() {
    static const std::vector<std::string> kSpaces = {"", "", "", "", " ", "  ", "\t", "\r", " \r"};
    return one_of(kSpaces);
  }

  // An integer literal: mostly ordinary, often on or beyond a boundary of some field.
  std::string integer() {
    static const std::vector<std::string> kEdges = {"0",
                                                    "-0",
                                                    "1",
                                                    "-1",
                                                    "9007199254740991",
                                                    "9007199254740992",
                                                    "1099511627776",
                                                    "1099511627777",
                                                    "9223372036854775807",
                                                    "9223372036854775808",
                                                    "-9223372036854775808",
                                                    "-9223372036854775809",
                                                    "18446744073709551615",
                                                    "18446744073709551616",
                                                    "99999999999999999999",
                                                    "1234567890123456789",
                                                    "-1234567890123456789",
                                                    "00",
                                                    "01",
                                                    "-",
                                                    "1.0",
                                                    "1.5",
                                                    "1e3",
                                                    "1E3",
                                                    "1e30",
                                                    "-1e30",
                                                    "1e400",
                                                    "0.0",
                                                    "-0.0",
                                                    "2e-3",
                                                    "NaN",
                                                    "Infinity",
                                                    "-Infinity",
                                                    "\"1\"",
                                                    "true",
                                                    "null",
                                                    "[1]",
                                                    "{}",
                                                    "+1",
                                                    ".5",
                                                    "0x10"};
    switch (pick(4)) {
      case 0:
        return one_of(kEdges);
      case 1:
        return std::to_string(std::uniform_int_distribution<std::uint64_t>(0, 1u << 20)(random_));
      case 2:
        return std::to_string(std::uniform_int_distribution<std::int64_t>()(random_));
      default:
        return std::to_string(pick(100000));
    }
  }

  std::string string_value() {
    static const std::vector<std::string> kStrings = {
        "\"list\"",
        "\"\"",
        "\"str\"",
        "\"a b\"",
        "\"~\x7f\"",
        "\"caf\xc3\xa9\"",
        "\"\\u00e9\"",
        "\"\\n\"",
        "\"a\\\"b\"",
        "\"\\\\\"",
        "\"\\/\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\xff\"",
        "\"\xc3\"",
        "\"\xed\xa0\x80\"",
        "\"\xf0\x9f\x98\x80\"",
        "\"tab\there\"",
        "\"\\x41\"",
        "\"unterminated",
        "1",
        "true",
        "null",
        "[\"a\"]",
        "{\"a\":1}",
        "\"a very long label that goes on and on to pass the detail limit of two hundred bytes "
        "in a message: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""};
    return pick(3) == 0 ? one_of(kStrings) : fmt::format("\"s{}\"", pick(1000));
  }

  std::string boolean() {
    static const std::vector<std::string> kBools = {"true",     "false", "true", "false", "1",
                                                    "\"true\"", "null",  "tru",  "falsey"};
    return one_of(kBools);
  }

  std::string event() {
    static const std::vector<std::string> kOps = {
        "alloc",  "realloc", "free",      "drop", "hold",    "ref",   "unref",    "collect",
        "enable", "disable", "threshold", "mark", "observe", "Alloc", "allocate", ""};
    const std::string op = one_of(kOps);
    std::vector<std::pair<std::string, std::string>> members;
    const auto maybe = [&](const std::string& key, std::string value) {
      if (pick(8) != 0) members.emplace_back(key, std::move(value));
    };
    if (op == "alloc") {
      maybe("id", integer());
      maybe("size", integer());
      if (pick(2) == 0) maybe("fin", boolean());
      if (pick(2) == 0) maybe("type", string_value());
    } else if (op == "realloc") {
      maybe("id", integer());
      maybe("size", integer());
    } else if (op == "free" || op == "drop" || op == "hold") {
      maybe("id", integer());
    } else if (op == "ref" || op == "unref") {
      maybe("from", integer());
      maybe("to", integer());
    } else if (op == "threshold") {
      maybe("amount", integer());
    } else if (op == "mark") {
      maybe("label", string_value());
    } else if (op == "observe") {
      if (pick(3) != 0) members.emplace_back("mem_alloc", integer());
      if (pick(3) != 0) members.emplace_back("mem_free", integer());
    }
    if (pick(20) == 0) {
      static const std::vector<std::string> kStray = {
          "sise", "id", "op", "label", "\\u0069d", "Id", "", "mem_alloc", "type"};
      members.emplace_back(one_of(kStray), integer());
    }
    if (pick(30) != 0) members.emplace_back("op", pick(40) == 0 ? integer() : "\"" + op + "\"");
    std::shuffle(members.begin(), members.end(), random_);
    std::string text = space() + "{";
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) text += space() + ",";
      text += fmt::format("{}\"{}\"{}:{}{}", space(), members[i].first, space(), space(),
                          members[i].second);
    }
    return text + space() + "}" + space();
  }

  void mutate(std::string& text) {
    static const std::string kBytes =
        std::string("{}[],:\"\\-+.eE0123456789 \t\rnultrfasxu\x7f\x80\xbf\xc3\xe9\xff", 40) +
        std::string(1, '\0');
    const auto at = [&] {
      return static_cast<std::size_t>(pick(static_cast<int>(text.size()) + 1));
    };
    const auto byte = [&] {
      return kBytes[static_cast<std::size_t>(pick(static_cast<int>(kBytes.size())))];
    };
    switch (pick(7)) {
      case 0:  // flip a byte
        if (!text.empty()) text[at() % text.size()] = byte();
        break;
      case 1:  // insert one
        text.insert(at(), 1, byte());
        break;
      case 2:  // delete one
        if (!text.empty()) text.erase(at() % text.size(), 1);
        break;
      case 3:  // cut the line short
        text.resize(at());
        break;
      case 4: {  // repeat a member (duplicate key), or a whole stretch
        const std::size_t comma = text.find(',');
        const std::size_t open = text.find('{');
        if (comma != std::string::npos && open != std::string::npos && open < comma) {
          text.insert(comma, "," + text.substr(open + 1, comma - open - 1));
        }
        break;
      }
      case 5:  // a value's digits replaced by a number from the edge list
        if (const std::size_t colon = text.find(':', at()); colon != std::string::npos) {
          text.insert(colon + 1, integer());
        }
        break;
      default:  // garbage after the object, or the object twice
        text += pick(2) == 0 ? std::string(1, byte()) : text;
        break;
    }
  }

  std::mt19937_64 random_;
};

TEST(EventLine, FastAndReferenceAgreeOnEveryGeneratedLine) {
  LineMaker maker(20261125);
  constexpr int kLines = 100'000;
  int fast = 0, errors = 0;
  Event reused;  // the reader reuses one Event; stale fields must never leak into the next
  for (int i = 0; i < kLines; ++i) {
    const std::string line = maker.line();
    Event fresh;
    const Outcome expected = parse(line, EventParser::nlohmann, fresh);
    Event probe;
    if (parse_event_fast(line, probe)) ++fast;
    if (std::holds_alternative<std::string>(expected)) ++errors;
    const Outcome got = parse(line, EventParser::fast, reused);
    ASSERT_EQ(got, expected) << "line " << i << ": " << line << "\n fast: " << describe(got)
                             << "\n reference: " << describe(expected);
  }
  // Both sides of the fast path are exercised, and so are the errors.
  EXPECT_GT(fast, kLines / 10);
  EXPECT_GT(errors, kLines / 3);
  EXPECT_LT(fast + errors, kLines);  // some valid lines only the reference takes (escapes, ...)
}

TEST(EventLine, TheFastPathTakesTheWritersLines) {
  Event event;
  ASSERT_TRUE(
      parse_event_fast(R"({"op":"alloc","id":9007199254740991,"size":1099511627776})", event));
  EXPECT_EQ(event, test::alloc(9007199254740991u, 1099511627776u));
  ASSERT_TRUE(
      parse_event_fast(R"( {"size": 0, "type":"list" ,"op" :"alloc","fin":true,"id":-0} )", event));
  EXPECT_EQ(event, test::alloc(0, 0, true, "list"));
  ASSERT_TRUE(parse_event_fast(R"({"op":"threshold","amount":-9223372036854775808})", event));
  EXPECT_EQ(event, test::threshold(INT64_MIN));
  ASSERT_TRUE(parse_event_fast("{\"op\":\"observe\",\"mem_free\":5}\r", event));
  EXPECT_EQ(event, test::observe(std::nullopt, 5));
}

TEST(EventLine, TheFastPathLeavesAnyDoubtToTheReference) {
  Event event;
  for (const char* line :
       {R"({"op":"alloc","id":1,"size":1.0})", R"({"op":"alloc","id":1,"size":"1"})",
        R"({"op":"free","id":9007199254740992})", R"({"op":"free","id":18446744073709551616})",
        R"({"op":"free","id":1e30})", R"({"op":"free","id":1,"id":2})",
        R"({"op":"free","\u0069d":1})", R"({"op":"mark","label":"caf\u00e9"})",
        R"({"op":"mark","label":"café"})", R"({"op":"free","id":NaN})", R"({"op":"free"})",
        R"({"op":"free","id":1,"size":2})", R"({"op":"free","id":01})", R"({"op":"free","id":1}x)",
        R"([{"op":"collect"}])", R"({"op":"observe"})", R"({"op":"collect",})"}) {
    EXPECT_FALSE(parse_event_fast(line, event)) << line;
  }
}

// Whole files: the same events, positions and warnings either way, with lines that straddle
// GzSource's 64 KiB buffers and a truncated last line.
TEST(EventLine, BothParsersReadAFileAlike) {
  class Recording : public TraceSink {
   public:
    void on_header(const TraceHeader&) override {}
    void on_event(const Event& event, const EventPosition& position) override {
      events.push_back(event);
      lines.push_back(*position.line);
    }
    std::vector<Event> events;
    std::vector<std::uint64_t> lines;
  };
  std::string text = "\xEF\xBB\xBF{\"format\":\"gcsim-trace\",\"version\":1}\r\n\n";
  for (int i = 0; i < 20'000; ++i) {
    text += fmt::format("{{\"op\":\"alloc\",\"id\":{},\"size\":{},\"type\":\"t{}\"}}\r\n", i, i * 7,
                        std::string(static_cast<std::size_t>(i % 13), 'x'));
    if (i % 1000 == 0) text += "  \n{\"op\":\"mark\",\"label\":\"\\u00e9\"}\n";
  }
  text += R"({"op":"collect")";
  test::TraceFiles files;
  for (const char* name : {"t.jsonl", "t.jsonl.gz"}) {
    const std::string path = files.write(name, text);
    Recording fast, reference;
    GzSource fast_source(path), reference_source(path);
    const ReadResult a = read_jsonl_trace(fast_source, path, fast, EventParser::fast);
    const ReadResult b = read_jsonl_trace(reference_source, path, reference, EventParser::nlohmann);
    EXPECT_EQ(a.events, 20'020u);
    EXPECT_EQ(a.events, b.events);
    ASSERT_EQ(a.warnings.size(), 1u);
    ASSERT_EQ(b.warnings.size(), 1u);
    EXPECT_EQ(a.warnings[0].message, b.warnings[0].message);
    EXPECT_EQ(fast.events, reference.events);
    EXPECT_EQ(fast.lines, reference.lines);
  }
}

}  // namespace
}  // namespace gcsim
