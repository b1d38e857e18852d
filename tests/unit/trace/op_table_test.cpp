// The op table (op_table.h): do the writer, both .jsonl parsers, the validator and EventArray
// all follow it? For every op, an event with every field it takes is written, read back by the
// fast parser and by nlohmann + validate_event, and packed: it must come back equal each way.
// Leaving out a field the op needs is missing-field naming it; adding one it does not take is
// unknown-field. Driven by the table alone, so a new field or op is tested as it is added.
#include "trace/op_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "trace/event_array.h"
#include "trace/event_line.h"
#include "trace/trace_error.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

// An event of `op` with each field it takes set to a value of its type (not the default).
Event full_event(Op op) {
  Event e;
  e.op = op;
  std::uint64_t k = 1;
  for_each_field(op_spec(op).takes, [&](Field f) {
    const FieldSpec& spec = field_spec(f);
    ++k;
    switch (spec.type) {
      case FieldType::trace_id:
        e.*spec.u64 = kMaxTraceId - k;
        break;
      case FieldType::size:
        e.*spec.u64 = kMaxTraceSize - k;
        break;
      case FieldType::int64:
        e.*spec.i64 = -static_cast<std::int64_t>(k) * 1000;
        break;
      case FieldType::optional_int64:
        e.*spec.optional_i64 = static_cast<std::int64_t>(k) * 1000;
        break;
      case FieldType::boolean:
        e.*spec.flag = true;
        break;
      case FieldType::text:
        e.*spec.text = "text " + std::to_string(k);
        break;
    }
  });
  return e;
}

std::string line_of(const Event& e) {
  std::ostringstream out;
  TraceWriter(out).write_event(e);
  std::string line = out.str();
  line.pop_back();  // '\n'
  return line;
}

// The rule a line breaks, read by `parser` ("" if none).
std::string rule_of(const std::string& line, EventParser parser) {
  Event e;
  try {
    parse_event_line(line, {"t.jsonl", 0, 2}, parser, e);
  } catch (const TraceError& error) {
    return error.info().rule + ": " + error.info().detail;
  }
  return "";
}

class EachOp : public ::testing::TestWithParam<std::size_t> {
 protected:
  Op op() const { return static_cast<Op>(GetParam()); }
};

TEST_P(EachOp, NameAndFieldsAreConsistent) {
  const OpSpec& spec = op_spec(op());
  EXPECT_EQ(op_from_name(spec.name), op());
  EXPECT_EQ(spec.needs & ~spec.takes, 0) << "needs a field it does not take";
  EXPECT_EQ(spec.needs_one_of & ~spec.takes, 0);
}

TEST_P(EachOp, AnEventWithEveryFieldComesBackEqualEveryWay) {
  const Event e = full_event(op());
  const std::string line = line_of(e);
  for (EventParser parser : {EventParser::fast, EventParser::nlohmann}) {
    Event back;
    parse_event_line(line, {"t.jsonl", 0, 2}, parser, back);
    EXPECT_EQ(back, e) << line;
  }
  EXPECT_EQ(EventArray({e}).at(0), e) << line;
  for_each_field(op_spec(op()).takes, [&](Field f) {
    EXPECT_NE(line.find("\"" + std::string(field_spec(f).key) + "\":"), std::string::npos)
        << line << " lacks " << field_spec(f).key;
  });
}

TEST_P(EachOp, ANeededFieldLeftOutIsMissingFieldNamingIt) {
  const OpSpec& spec = op_spec(op());
  for_each_field(spec.needs, [&](Field f) {
    Event e = full_event(op());
    std::string line = line_of(e);
    const std::string key = "\"" + std::string(field_spec(f).key) + "\":";
    const std::size_t at = line.find(key);
    ASSERT_NE(at, std::string::npos);
    const std::size_t end = line.find_first_of(",}", line.find(':', at) + 1);
    line.erase(line[end] == ',' ? at : at - 1, end - at + 1);
    const std::string want = "missing-field: " + std::string(spec.name) + " needs \"" +
                             std::string(field_spec(f).key) + "\"";
    EXPECT_EQ(rule_of(line, EventParser::fast), want) << line;
    EXPECT_EQ(rule_of(line, EventParser::nlohmann), want) << line;
  });
}

TEST_P(EachOp, AFieldItDoesNotTakeIsUnknownField) {
  const OpSpec& spec = op_spec(op());
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const Field f = static_cast<Field>(i);
    if (has(spec.takes, f)) continue;
    std::string line = line_of(full_event(op()));
    line.insert(line.size() - 1, ",\"" + std::string(field_spec(f).key) + "\":1");
    for (EventParser parser : {EventParser::fast, EventParser::nlohmann}) {
      EXPECT_TRUE(rule_of(line, parser).starts_with("unknown-field: ")) << line;
    }
  }
}

std::string op_test_name(const ::testing::TestParamInfo<std::size_t>& op) {
  return std::string(op_spec(static_cast<Op>(op.param)).name);
}

INSTANTIATE_TEST_SUITE_P(Ops, EachOp, ::testing::Range<std::size_t>(0, kOpCount), op_test_name);

}  // namespace
}  // namespace gcsim
