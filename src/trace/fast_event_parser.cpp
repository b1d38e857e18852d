#include "trace/fast_event_parser.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

#include "trace/op_table.h"

namespace gcsim {
namespace {

// The members of an event object: "op" and the fields of op_table.h, by index (a field's index
// is its Field; "op" comes after them), as bits of a mask.
constexpr unsigned kOpKey = kFieldCount;
constexpr unsigned kKeyCount = kFieldCount + 1;
constexpr unsigned kNoKey = kKeyCount;
constexpr unsigned kFieldBits = (1u << kFieldCount) - 1;

constexpr std::string_view key_name(unsigned index) {
  return index == kOpKey ? std::string_view("op") : kFields[index].key;
}

// The key's index, or kNoKey for a key no op takes: compared with each of op_table.h's keys in
// turn, each known when compiling, so that each comparison is a length check and a load or two
// (no memcmp call, three or four times a line).
unsigned key_of(std::string_view key) {
  return [&]<unsigned... I>(std::integer_sequence<unsigned, I...>) {
    unsigned found = kNoKey;
    (void)((key == key_name(I) ? (found = I, true) : false) || ...);
    return found;
  }
  (std::make_integer_sequence<unsigned, kKeyCount>{});
}

// One member's value, in the few forms the fast path takes.
struct Value {
  enum class Kind : std::uint8_t { integer, boolean, string } kind = Kind::integer;
  bool negative = false;        // integer: sign ("-0" is 0, as nlohmann reads it)
  std::uint64_t magnitude = 0;  // integer
  bool flag = false;            // boolean
  std::string_view text;        // string, without its quotes
};

class Scanner {
 public:
  explicit Scanner(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  // JSON whitespace as nlohmann skips it.
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool at_end() const { return p_ == end_; }

  bool consume(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  // A string after its opening quote: printable ASCII without escapes, up to the closing quote.
  bool plain_string(std::string_view& text) {
    const char* begin = p_;
    for (; p_ != end_; ++p_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        text = std::string_view(begin, static_cast<std::size_t>(p_ - begin));
        ++p_;
        return true;
      }
      if (c < 0x20 || c == '\\' || c >= 0x80) return false;
    }
    return false;
  }

  bool value(Value& value) {
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        ++p_;
        value.kind = Value::Kind::string;
        return plain_string(value.text);
      case 't':
        value.kind = Value::Kind::boolean;
        value.flag = true;
        return literal("true");
      case 'f':
        value.kind = Value::Kind::boolean;
        value.flag = false;
        return literal("false");
      default:
        value.kind = Value::Kind::integer;
        return integer(value);
    }
  }

 private:
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // -?(0|[1-9][0-9]*) of at most 19 digits, so the magnitude cannot wrap. A fraction or an
  // exponent stops the caller at the '.', 'e' or 'E' it does not expect.
  bool integer(Value& value) {
    value.negative = *p_ == '-';
    if (value.negative) ++p_;
    const char* digits = p_;
    std::uint64_t magnitude = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9' && p_ - digits < 19) {
      magnitude = magnitude * 10 + static_cast<std::uint64_t>(*p_ - '0');
      ++p_;
    }
    if (p_ == digits || (p_ != end_ && *p_ >= '0' && *p_ <= '9')) return false;
    if (*digits == '0' && p_ - digits > 1) return false;  // a leading zero is not JSON
    value.magnitude = magnitude;
    return true;
  }

  const char* p_;
  const char* end_;
};

bool unsigned_up_to(const Value& value, std::uint64_t max, std::uint64_t& out) {
  if (value.kind != Value::Kind::integer || value.magnitude > max) return false;
  if (value.negative && value.magnitude != 0) return false;
  out = value.magnitude;
  return true;
}

bool int64_of(const Value& value, std::int64_t& out) {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (value.kind != Value::Kind::integer) return false;
  if (value.magnitude > kMax + (value.negative ? 1 : 0)) return false;
  // Two's complement: 0 - 2^63 converts to INT64_MIN.
  out = static_cast<std::int64_t>(value.negative ? 0 - value.magnitude : value.magnitude);
  return true;
}

// Field F's value into its member of `event`, or false where validate_event could object. The
// field's type and member are the op table's, known when compiling.
template <std::size_t F>
bool assign(const Value& value, Event& event) {
  constexpr const FieldSpec& spec = kFields[F];
  if constexpr (spec.type == FieldType::trace_id) {
    return unsigned_up_to(value, kMaxTraceId, event.*spec.u64);
  } else if constexpr (spec.type == FieldType::size) {
    return unsigned_up_to(value, kMaxTraceSize, event.*spec.u64);
  } else if constexpr (spec.type == FieldType::int64) {
    return int64_of(value, event.*spec.i64);
  } else if constexpr (spec.type == FieldType::optional_int64) {
    std::int64_t n = 0;
    if (!int64_of(value, n)) return false;
    event.*spec.optional_i64 = n;
    return true;
  } else if constexpr (spec.type == FieldType::boolean) {
    if (value.kind != Value::Kind::boolean) return false;
    event.*spec.flag = value.flag;
    return true;
  } else {
    if (value.kind != Value::Kind::string) return false;
    (event.*spec.text).assign(value.text);
    return true;
  }
}

// Each field op O takes that the line has, assigned: the op's row of the table unrolled when
// compiling, so an alloc line runs the code a hand-written alloc case would.
template <std::size_t O>
bool assign_fields(unsigned fields, const std::array<Value, kKeyCount>& values, Event& event) {
  return [&]<std::size_t... F>(std::index_sequence<F...>) {
    return ((!has(kOps[O].takes, static_cast<Field>(F)) || (fields & (1u << F)) == 0 ||
             assign<F>(values[F], event)) &&
            ...);
  }
  (std::make_index_sequence<kFieldCount>{});
}

// assign_fields of the op at `op`, chosen by comparisons the compiler turns into a jump into
// each op's inlined code (a table of function pointers would cost a call per line).
bool assign_fields_of(Op op, unsigned fields, const std::array<Value, kKeyCount>& values,
                      Event& event) {
  return [&]<std::size_t... O>(std::index_sequence<O...>) {
    bool ok = false;
    (void)((static_cast<std::size_t>(op) == O ? (ok = assign_fields<O>(fields, values, event), true)
                                              : false) ||
           ...);
    return ok;
  }
  (std::make_index_sequence<kOpCount>{});
}

// The Event validate_event would make of these members, or false where it could object.
bool build_event(unsigned seen, const std::array<Value, kKeyCount>& values, Event& event) {
  if ((seen & (1u << kOpKey)) == 0 || values[kOpKey].kind != Value::Kind::string) return false;
  const std::optional<Op> op = op_from_name(values[kOpKey].text);
  if (!op) return false;
  const OpSpec& spec = op_spec(*op);
  const unsigned fields = seen & kFieldBits;
  if ((fields & ~unsigned{spec.takes}) != 0 || (fields & spec.needs) != spec.needs) return false;
  if (spec.needs_one_of != 0 && (fields & spec.needs_one_of) == 0) return false;

  event.op = *op;
  event.id = 0;
  event.to = 0;
  event.size = 0;
  event.fin = false;
  event.amount = 0;
  event.text.clear();
  event.mem_alloc.reset();
  event.mem_free.reset();
  return assign_fields_of(*op, fields, values, event);
}

}  // namespace

bool parse_event_fast(std::string_view line, Event& event) {
  Scanner scanner(line);
  if (!scanner.consume('{')) return false;
  std::array<Value, kKeyCount> values;
  unsigned seen = 0;
  do {
    std::string_view key;
    if (!scanner.consume('"') || !scanner.plain_string(key)) return false;
    const unsigned index = key_of(key);
    if (index == kNoKey || (seen & (1u << index)) != 0) return false;
    if (!scanner.consume(':') || !scanner.value(values[index])) return false;
    seen |= 1u << index;
  } while (scanner.consume(','));
  if (!scanner.consume('}')) return false;
  scanner.skip_space();
  return scanner.at_end() && build_event(seen, values, event);
}

}  // namespace gcsim
