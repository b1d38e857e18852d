// Validator: does each per-event and header rule of docs/trace-format.md accept what it should
// and reject the rest with the right rule? Input is parsed JSON; duplicate keys and file-level
// rules are the reader's (reader_test.cpp).
#include "trace/validator.h"

#include <gtest/gtest.h>

#include "trace/trace_error.h"
#include "trace_events.h"

namespace gcsim {
namespace {

using nlohmann::json;
using namespace gcsim::test;

const TracePlace kPlace{"t.jsonl", 3, 7};

Event valid(std::string_view text) { return validate_event(json::parse(text), kPlace); }

TraceErrorInfo event_error(std::string_view text) {
  try {
    validate_event(json::parse(text), kPlace);
  } catch (const TraceError& error) {
    EXPECT_EQ(std::string_view(error.what()).find('\n'), std::string_view::npos);
    return error.info();
  }
  ADD_FAILURE() << text << " was accepted";
  return {};
}

TraceErrorInfo header_error(std::string_view text) {
  try {
    validate_header(json::parse(text), kPlace);
  } catch (const TraceError& error) {
    return error.info();
  }
  ADD_FAILURE() << text << " was accepted";
  return {};
}

TEST(ValidatorEvent, ReadsEveryOp) {
  EXPECT_EQ(valid(R"({"op":"alloc","id":1,"size":48})"), alloc(1, 48));
  EXPECT_EQ(valid(R"({"op":"alloc","id":2,"size":0,"fin":true,"type":"list"})"),
            alloc(2, 0, true, "list"));
  EXPECT_EQ(valid(R"({"op":"realloc","id":2,"size":96})"), realloc(2, 96));
  EXPECT_EQ(valid(R"({"op":"free","id":3})"), on_id(Op::free, 3));
  EXPECT_EQ(valid(R"({"op":"drop","id":3})"), on_id(Op::drop, 3));
  EXPECT_EQ(valid(R"({"op":"hold","id":3})"), on_id(Op::hold, 3));
  EXPECT_EQ(valid(R"({"op":"ref","from":4,"to":5})"), link(Op::ref, 4, 5));
  EXPECT_EQ(valid(R"({"op":"unref","from":4,"to":5})"), link(Op::unref, 4, 5));
  EXPECT_EQ(valid(R"({"op":"collect"})"), bare(Op::collect));
  EXPECT_EQ(valid(R"({"op":"enable"})"), bare(Op::enable));
  EXPECT_EQ(valid(R"({"op":"disable"})"), bare(Op::disable));
  EXPECT_EQ(valid(R"({"op":"threshold","amount":-1})"), threshold(-1));
  EXPECT_EQ(valid(R"({"op":"mark","label":"phase 2"})"), mark("phase 2"));
  EXPECT_EQ(valid(R"({"op":"observe","mem_free":100})"), observe(std::nullopt, 100));
  EXPECT_EQ(valid(R"({"op":"observe","mem_alloc":5,"mem_free":100})"), observe(5, 100));
}

TEST(ValidatorEvent, AcceptsTheEdgesOfEachRange) {
  EXPECT_EQ(valid(R"({"op":"alloc","id":9007199254740991,"size":1099511627776})"),
            alloc(9007199254740991, 1099511627776));
  EXPECT_EQ(valid(R"({"op":"alloc","id":0,"size":0})"), alloc(0, 0));
  EXPECT_EQ(valid(R"({"op":"ref","from":0,"to":9007199254740991})"),
            link(Op::ref, 0, 9007199254740991));
  EXPECT_EQ(valid(R"({"op":"threshold","amount":-9223372036854775808})").amount,
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(valid(R"({"op":"threshold","amount":9223372036854775807})").amount,
            std::numeric_limits<std::int64_t>::max());
}

TEST(ValidatorEvent, ErrorsCarryThePlace) {
  const TraceErrorInfo info = event_error(R"({"op":"nope"})");
  EXPECT_EQ(info.file, "t.jsonl");
  EXPECT_EQ(info.event, 3u);
  EXPECT_EQ(info.line, 7u);
  EXPECT_EQ(info.rule, "unknown-op");
  EXPECT_NE(info.detail.find("\"nope\""), std::string::npos) << info.detail;
}

TEST(ValidatorEvent, MissingFieldNamesTheFieldAndTheOp) {
  const TraceErrorInfo info = event_error(R"({"op":"alloc","id":1})");
  EXPECT_EQ(info.rule, "missing-field");
  EXPECT_EQ(info.detail, "alloc needs \"size\"");
}

TEST(ValidatorEvent, UnknownFieldIsReportedBeforeTheFieldItHides) {
  const TraceErrorInfo info = event_error(R"({"op":"alloc","id":1,"sise":48})");
  EXPECT_EQ(info.rule, "unknown-field");
  EXPECT_NE(info.detail.find("\"sise\""), std::string::npos) << info.detail;
  EXPECT_NE(info.detail.find("id, size, fin, type"), std::string::npos) << info.detail;
}

TEST(ValidatorEvent, OutOfRangeQuotesTheValueAndTheRange) {
  const TraceErrorInfo info = event_error(R"({"op":"alloc","id":1,"size":1099511627777})");
  EXPECT_EQ(info.rule, "out-of-range");
  EXPECT_EQ(info.detail, "\"size\" of alloc is 1099511627777, must be in 0..1099511627776");
}

TEST(ValidatorEvent, LongValuesAreCutInTheDetail) {
  const std::string label(5000, 'x');
  const TraceErrorInfo info =
      event_error(R"({"op":"alloc","id":1,"size":4,"type":[")" + label + R"("]})");
  EXPECT_EQ(info.rule, "wrong-type");
  EXPECT_LT(info.detail.size(), 300u);
}

struct RejectCase {
  const char* name;
  const char* event;
  const char* rule;
};

class EventRule : public ::testing::TestWithParam<RejectCase> {};

TEST_P(EventRule, Rejects) {
  const TraceErrorInfo info = event_error(GetParam().event);
  EXPECT_EQ(info.rule, GetParam().rule) << GetParam().event << " -> " << info.detail;
}

INSTANTIATE_TEST_SUITE_P(
    Validator, EventRule,
    ::testing::Values(
        RejectCase{"UnknownOp", R"({"op":"allok","id":1,"size":4})", "unknown-op"},
        RejectCase{"NoOp", R"({"id":1,"size":4})", "missing-field"},
        RejectCase{"OpNotString", R"({"op":1})", "wrong-type"},
        RejectCase{"EventNotObject", R"(5)", "wrong-type"},
        RejectCase{"EventArray", R"(["alloc",1,4])", "wrong-type"},
        RejectCase{"AllocNoId", R"({"op":"alloc","size":4})", "missing-field"},
        RejectCase{"RefNoTo", R"({"op":"ref","from":1})", "missing-field"},
        RejectCase{"RefWithId", R"({"op":"ref","id":1,"to":2})", "unknown-field"},
        RejectCase{"ThresholdNoAmount", R"({"op":"threshold"})", "missing-field"},
        RejectCase{"MarkNoLabel", R"({"op":"mark"})", "missing-field"},
        RejectCase{"ObserveNothing", R"({"op":"observe"})", "missing-field"},
        RejectCase{"CollectWithId", R"({"op":"collect","id":1})", "unknown-field"},
        RejectCase{"FreeWithSize", R"({"op":"free","id":1,"size":4})", "unknown-field"},
        RejectCase{"FloatId", R"({"op":"alloc","id":1.0,"size":4})", "wrong-type"},
        RejectCase{"FractionSize", R"({"op":"alloc","id":1,"size":1.5})", "wrong-type"},
        RejectCase{"ExponentSize", R"({"op":"alloc","id":1,"size":1e3})", "wrong-type"},
        RejectCase{"StringSize", R"({"op":"alloc","id":1,"size":"48"})", "wrong-type"},
        RejectCase{"NullId", R"({"op":"drop","id":null})", "wrong-type"},
        RejectCase{"BoolId", R"({"op":"hold","id":true})", "wrong-type"},
        RejectCase{"IntFin", R"({"op":"alloc","id":1,"size":4,"fin":1})", "wrong-type"},
        RejectCase{"IntType", R"({"op":"alloc","id":1,"size":4,"type":5})", "wrong-type"},
        RejectCase{"NullLabel", R"({"op":"mark","label":null})", "wrong-type"},
        RejectCase{"FloatAmount", R"({"op":"threshold","amount":1.0})", "wrong-type"},
        RejectCase{"StringMemAlloc", R"({"op":"observe","mem_alloc":"1"})", "wrong-type"},
        RejectCase{"FloatMemFree", R"({"op":"observe","mem_alloc":1,"mem_free":2.5})",
                   "wrong-type"},
        RejectCase{"NegativeId", R"({"op":"alloc","id":-1,"size":4})", "out-of-range"},
        RejectCase{"IdTwoTo53", R"({"op":"alloc","id":9007199254740992,"size":4})", "out-of-range"},
        RejectCase{"IdUint64Max", R"({"op":"free","id":18446744073709551615})", "out-of-range"},
        RejectCase{"IdTwoTo64", R"({"op":"free","id":18446744073709551616})", "out-of-range"},
        RejectCase{"IdHuge", R"({"op":"free","id":123456789012345678901234567890})",
                   "out-of-range"},
        RejectCase{"IdBelowInt64", R"({"op":"free","id":-9223372036854775809})", "out-of-range"},
        RejectCase{"IdOneE30", R"({"op":"free","id":1e30})", "out-of-range"},
        RejectCase{"FromTwoTo53", R"({"op":"ref","from":9007199254740992,"to":1})", "out-of-range"},
        RejectCase{"ToNegative", R"({"op":"unref","from":1,"to":-5})", "out-of-range"},
        RejectCase{"NegativeSize", R"({"op":"alloc","id":1,"size":-1})", "out-of-range"},
        RejectCase{"SizeTwoTo40PlusOne", R"({"op":"realloc","id":1,"size":1099511627777})",
                   "out-of-range"},
        RejectCase{"SizeTwoTo64", R"({"op":"alloc","id":1,"size":18446744073709551616})",
                   "out-of-range"},
        RejectCase{"AmountTwoTo63", R"({"op":"threshold","amount":9223372036854775808})",
                   "out-of-range"},
        RejectCase{"AmountBelowInt64", R"({"op":"threshold","amount":-9223372036854775809})",
                   "out-of-range"},
        RejectCase{"MemFreeTwoTo64", R"({"op":"observe","mem_free":18446744073709551616})",
                   "out-of-range"}),
    [](const ::testing::TestParamInfo<RejectCase>& param) {
      return std::string(param.param.name);
    });

TEST(ValidatorHeader, ReadsTheKnownKeysAndIgnoresOthers) {
  const TraceHeader header = validate_header(
      json::parse(R"({"format":"gcsim-trace","version":1,"name":"n","description":"d",
                      "geometry":"k210","generator":"gen.py","extra":{"a":[1,2]}})"),
      kPlace);
  EXPECT_EQ(header.version, 1);
  EXPECT_EQ(header.name, "n");
  EXPECT_EQ(header.description, "d");
  EXPECT_EQ(header.geometry, "k210");
  EXPECT_EQ(validate_header(json::parse(R"({"version":1,"format":"gcsim-trace"})"), kPlace),
            TraceHeader{});
}

TEST(ValidatorHeader, RejectsABadFormatOrVersion) {
  EXPECT_EQ(header_error(R"({"version":1})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"other","version":1})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":1,"version":1})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace"})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace","version":"1"})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace","version":1.0})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace","version":1,"name":5})").rule, "bad-header");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace","version":1,"geometry":null})").rule,
            "bad-header");
  EXPECT_EQ(header_error(R"([1])").rule, "bad-header");
}

TEST(ValidatorHeader, RejectsAnotherVersion) {
  const TraceErrorInfo info = header_error(R"({"format":"gcsim-trace","version":2})");
  EXPECT_EQ(info.rule, "unsupported-version");
  EXPECT_EQ(info.detail, "version 2; this gcsim reads version 1");
  EXPECT_EQ(header_error(R"({"format":"gcsim-trace","version":0})").rule, "unsupported-version");
}

}  // namespace
}  // namespace gcsim
