#include "trace/fast_event_parser.h"

#include <array>
#include <cstdint>
#include <limits>

namespace gcsim {
namespace {

// The keys any op takes, as bits of a mask.
enum Key : unsigned {
  kOp,
  kId,
  kSize,
  kFin,
  kType,
  kFrom,
  kTo,
  kAmount,
  kLabel,
  kMemAlloc,
  kMemFree
};
constexpr unsigned kKeyCount = kMemFree + 1;

constexpr unsigned bit(Key key) { return 1u << key; }

// The key's index, or kKeyCount for a key no op takes.
unsigned key_of(std::string_view key) {
  switch (key.size()) {
    case 2:
      return key == "op" ? kOp : key == "id" ? kId : key == "to" ? kTo : kKeyCount;
    case 3:
      return key == "fin" ? kFin : kKeyCount;
    case 4:
      return key == "size" ? kSize : key == "type" ? kType : key == "from" ? kFrom : kKeyCount;
    case 5:
      return key == "label" ? kLabel : kKeyCount;
    case 6:
      return key == "amount" ? kAmount : kKeyCount;
    case 8:
      return key == "mem_free" ? kMemFree : kKeyCount;
    case 9:
      return key == "mem_alloc" ? kMemAlloc : kKeyCount;
    default:
      return kKeyCount;
  }
}

// Which keys an op takes and which it needs (validator.cpp's fields_of and validate_event).
struct OpKeys {
  unsigned allowed;
  unsigned required;
};

OpKeys keys_of(Op op) {
  switch (op) {
    case Op::alloc:
      return {bit(kOp) | bit(kId) | bit(kSize) | bit(kFin) | bit(kType), bit(kId) | bit(kSize)};
    case Op::realloc:
      return {bit(kOp) | bit(kId) | bit(kSize), bit(kId) | bit(kSize)};
    case Op::free:
    case Op::drop:
    case Op::hold:
      return {bit(kOp) | bit(kId), bit(kId)};
    case Op::ref:
    case Op::unref:
      return {bit(kOp) | bit(kFrom) | bit(kTo), bit(kFrom) | bit(kTo)};
    case Op::collect:
    case Op::enable:
    case Op::disable:
      return {bit(kOp), 0};
    case Op::threshold:
      return {bit(kOp) | bit(kAmount), bit(kAmount)};
    case Op::mark:
      return {bit(kOp) | bit(kLabel), bit(kLabel)};
    case Op::observe:  // at least one of the two, checked by the caller
      return {bit(kOp) | bit(kMemAlloc) | bit(kMemFree), 0};
  }
  return {0, 0};
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

bool optional_int64_of(const Value& value, bool present, std::optional<std::int64_t>& out) {
  if (!present) return true;
  std::int64_t n = 0;
  if (!int64_of(value, n)) return false;
  out = n;
  return true;
}

// The Event validate_event would make of these members, or false where it could object.
bool build_event(unsigned seen, const std::array<Value, kKeyCount>& values, Event& event) {
  if ((seen & bit(kOp)) == 0 || values[kOp].kind != Value::Kind::string) return false;
  const std::optional<Op> op = op_from_name(values[kOp].text);
  if (!op) return false;
  const OpKeys keys = keys_of(*op);
  if ((seen & ~keys.allowed) != 0 || (seen & keys.required) != keys.required) return false;

  event.op = *op;
  event.id = 0;
  event.to = 0;
  event.size = 0;
  event.fin = false;
  event.amount = 0;
  event.text.clear();
  event.mem_alloc.reset();
  event.mem_free.reset();
  switch (*op) {
    case Op::alloc:
      if ((seen & bit(kFin)) != 0) {
        if (values[kFin].kind != Value::Kind::boolean) return false;
        event.fin = values[kFin].flag;
      }
      if ((seen & bit(kType)) != 0) {
        if (values[kType].kind != Value::Kind::string) return false;
        event.text.assign(values[kType].text);
      }
      [[fallthrough]];
    case Op::realloc:
      return unsigned_up_to(values[kId], kMaxTraceId, event.id) &&
             unsigned_up_to(values[kSize], kMaxTraceSize, event.size);
    case Op::free:
    case Op::drop:
    case Op::hold:
      return unsigned_up_to(values[kId], kMaxTraceId, event.id);
    case Op::ref:
    case Op::unref:
      return unsigned_up_to(values[kFrom], kMaxTraceId, event.id) &&
             unsigned_up_to(values[kTo], kMaxTraceId, event.to);
    case Op::collect:
    case Op::enable:
    case Op::disable:
      return true;
    case Op::threshold:
      return int64_of(values[kAmount], event.amount);
    case Op::mark:
      if (values[kLabel].kind != Value::Kind::string) return false;
      event.text.assign(values[kLabel].text);
      return true;
    case Op::observe:
      return (seen & (bit(kMemAlloc) | bit(kMemFree))) != 0 &&
             optional_int64_of(values[kMemAlloc], (seen & bit(kMemAlloc)) != 0, event.mem_alloc) &&
             optional_int64_of(values[kMemFree], (seen & bit(kMemFree)) != 0, event.mem_free);
  }
  return false;
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
    if (index == kKeyCount || (seen & (1u << index)) != 0) return false;
    if (!scanner.consume(':') || !scanner.value(values[index])) return false;
    seen |= 1u << index;
  } while (scanner.consume(','));
  if (!scanner.consume('}')) return false;
  scanner.skip_space();
  return scanner.at_end() && build_event(seen, values, event);
}

}  // namespace gcsim
