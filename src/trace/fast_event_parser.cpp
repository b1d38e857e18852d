#include "trace/fast_event_parser.h"

#include <array>
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

// The key's index, or kNoKey for a key no op takes: "op" first (every line has it), then each
// of op_table.h's keys in turn.
unsigned key_of(std::string_view key) {
  if (key.size() == 2 && key[0] == 'o' && key[1] == 'p') return kOpKey;
  return [&]<std::size_t... F>(std::index_sequence<F...>) {
    unsigned found = kNoKey;
    (void)((is_name(key, kFields[F].key) ? (found = F, true) : false) || ...);
    return found;
  }
  (std::make_index_sequence<kFieldCount>{});
}

// One member's value, in the few forms the fast path takes. No member has an initialiser: a
// line fills only the values of the keys it has, and only those are read (zeroing all eleven
// cost more than the rest of a short line's parse).
struct Value {
  enum class Kind : std::uint8_t { integer, boolean, string } kind;
  bool negative;            // integer: sign ("-0" is 0, as nlohmann reads it)
  bool flag;                // boolean
  std::uint64_t magnitude;  // integer
  const char* text;         // string, without its quotes
  std::size_t text_size;

  std::string_view string() const { return {text, text_size}; }
};

// The bytes a string takes as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

class Scanner {
 public:
  explicit Scanner(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  // JSON whitespace as nlohmann skips it.
  void skip_space() {
    while (p_ != end_ && static_cast<unsigned char>(*p_) <= ' ' &&
           (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) {
      ++p_;
    }
  }
  bool at_end() const { return p_ == end_; }

  // The next token is `c` (taken): the spaces before it skipped only where there are any, as
  // gcsim's writer writes none.
  bool consume(char c) {
    if (p_ == end_ || *p_ != c) {
      skip_space();
      if (p_ == end_ || *p_ != c) return false;
    }
    ++p_;
    return true;
  }

  // A string after its opening quote: printable ASCII without escapes, up to the closing quote.
  bool plain_string(const char*& text, std::size_t& size) {
    const char* begin = p_;
    for (; p_ != end_; ++p_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (kPlain[c]) continue;
      if (c == '"') {
        text = begin;
        size = static_cast<std::size_t>(p_ - begin);
        ++p_;
        return true;
      }
      return false;  // a control character, an escape or a byte of UTF-8
    }
    return false;
  }

  bool value(Value& value) {
    if (p_ == end_) return false;
    if (static_cast<unsigned char>(*p_) <= ' ') {
      skip_space();
      if (p_ == end_) return false;
    }
    switch (*p_) {
      case '"':
        ++p_;
        value.kind = Value::Kind::string;
        return plain_string(value.text, value.text_size);
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
    const char* stop = end_ - p_ > 19 ? p_ + 19 : end_;
    std::uint64_t magnitude = 0;
    for (unsigned d; p_ != stop && (d = static_cast<unsigned char>(*p_) - unsigned{'0'}) < 10;
         ++p_) {
      magnitude = magnitude * 10 + d;
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
    (event.*spec.text).assign(value.text, value.text_size);
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
  const std::optional<Op> op = op_from_name(values[kOpKey].string());
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
    const char* key = nullptr;
    std::size_t key_size = 0;
    if (!scanner.consume('"') || !scanner.plain_string(key, key_size)) return false;
    const unsigned index = key_of({key, key_size});
    if (index == kNoKey || (seen & (1u << index)) != 0) return false;
    if (!scanner.consume(':') || !scanner.value(values[index])) return false;
    seen |= 1u << index;
  } while (scanner.consume(','));
  if (!scanner.consume('}')) return false;
  scanner.skip_space();
  return scanner.at_end() && build_event(seen, values, event);
}

}  // namespace gcsim
