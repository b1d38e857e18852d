#include "trace/validator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

#include <fmt/format.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

using nlohmann::json;

// Details quote what was found; a long string or a nested value is cut to keep messages short.
constexpr std::size_t kMaxDetailBytes = 200;

// The length of the UTF-8 character at text[i], or 0 if the bytes there are not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t n_bytes = lead < 0x80                    ? 1
                              : lead >= 0xC2 && lead <= 0xDF ? 2
                              : lead >= 0xE0 && lead <= 0xEF ? 3
                              : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                             : 0;
  if (n_bytes == 0 || i + n_bytes > text.size()) return 0;
  for (std::size_t k = 1; k < n_bytes; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n_bytes;
}

// The detail as one line of valid UTF-8 (a report may put it in JSON), at most about
// kMaxDetailBytes: line breaks become spaces and stray bytes '?'.
std::string one_line(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= kMaxDetailBytes) return out + "...";
    const std::size_t n_bytes = utf8_length(text, i);
    if (n_bytes == 0) {
      out += '?';
      ++i;
    } else if (text[i] == '\n' || text[i] == '\r') {
      out += ' ';
      ++i;
    } else {
      out.append(text, i, n_bytes);
      i += n_bytes;
    }
  }
  return out;
}

// "float 1.5", "string \"48\"", "null": what a person needs to find the value.
std::string describe(const json& value) {
  const std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (value.is_number_float()) return "float " + shown;
  return fmt::format("{} {}", value.type_name(), shown);
}

std::span<const std::string_view> fields_of(Op op) {
  static constexpr std::array<std::string_view, 4> kAlloc = {"id", "size", "fin", "type"};
  static constexpr std::array<std::string_view, 2> kIdSize = {"id", "size"};
  static constexpr std::array<std::string_view, 1> kId = {"id"};
  static constexpr std::array<std::string_view, 2> kFromTo = {"from", "to"};
  static constexpr std::array<std::string_view, 1> kAmount = {"amount"};
  static constexpr std::array<std::string_view, 1> kLabel = {"label"};
  static constexpr std::array<std::string_view, 2> kMem = {"mem_alloc", "mem_free"};
  switch (op) {
    case Op::alloc:
      return kAlloc;
    case Op::realloc:
      return kIdSize;
    case Op::free:
    case Op::drop:
    case Op::hold:
      return kId;
    case Op::ref:
    case Op::unref:
      return kFromTo;
    case Op::collect:
    case Op::enable:
    case Op::disable:
      return {};
    case Op::threshold:
      return kAmount;
    case Op::mark:
      return kLabel;
    case Op::observe:
      return kMem;
  }
  return {};
}

std::string known_ops() {
  std::string names;
  for (int i = 0; i <= static_cast<int>(Op::observe); ++i) {
    if (i > 0) names += ", ";
    names += op_name(static_cast<Op>(i));
  }
  return names;
}

// Reads the fields of one event object whose op is known, checking presence, type and range.
// Constructing it rejects any key the op does not take.
class EventFields {
 public:
  EventFields(const json& event, Op op, const TracePlace& place)
      : event_(event), op_(op_name(op)), place_(place) {
    const auto fields = fields_of(op);
    for (const auto& [key, value] : event.items()) {
      if (key == "op") continue;
      if (std::find(fields.begin(), fields.end(), key) != fields.end()) continue;
      fail("unknown-field",
           fmt::format("{} has no field \"{}\" (it takes {})", op_, key,
                       fields.empty() ? "none" : fmt::format("{}", fmt::join(fields, ", "))));
    }
  }

  std::uint64_t id(std::string_view key) const { return unsigned_up_to(key, kMaxTraceId); }
  std::uint64_t size(std::string_view key) const { return unsigned_up_to(key, kMaxTraceSize); }

  std::int64_t int64(std::string_view key) const { return int64_of(key, required(key)); }

  std::optional<std::int64_t> optional_int64(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    return int64_of(key, *value);
  }

  bool optional_bool(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) wrong_type(key, "true or false", *value);
    return value->get<bool>();
  }

  std::string string(std::string_view key) const { return string_of(key, required(key)); }

  std::string optional_string(std::string_view key) const {
    const json* value = find(key);
    return value == nullptr ? std::string() : string_of(key, *value);
  }

  [[noreturn]] void fail(std::string_view rule, std::string detail) const {
    throw_trace_error(place_, rule, std::move(detail));
  }

 private:
  // A JSON integer as sign and magnitude: every 64-bit literal fits without wrapping.
  struct Integer {
    bool negative;
    std::uint64_t magnitude;
  };

  const json* find(std::string_view key) const {
    const auto it = event_.find(key);
    return it == event_.end() ? nullptr : &*it;
  }

  const json& required(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) fail("missing-field", fmt::format("{} needs \"{}\"", op_, key));
    return *value;
  }

  [[noreturn]] void wrong_type(std::string_view key, std::string_view expected,
                               const json& value) const {
    fail("wrong-type",
         fmt::format("\"{}\" of {} must be {}, got {}", key, op_, expected, describe(value)));
  }

  [[noreturn]] void out_of_range(std::string_view key, const json& value,
                                 std::string_view range) const {
    fail("out-of-range",
         fmt::format("\"{}\" of {} is {}, must be in {}", key, op_, value.dump(), range));
  }

  // nlohmann reads an integer literal beyond 64 bits as a float, so a float that large is an
  // integer out of range, not a mistyped one; 1.0 and 1.5 are wrong-type.
  Integer integer(std::string_view key, const json& value, std::string_view range) const {
    switch (value.type()) {
      case json::value_t::number_unsigned:
        return {false, value.get<std::uint64_t>()};
      case json::value_t::number_integer: {
        const auto signed_value = value.get<std::int64_t>();
        const auto bits = static_cast<std::uint64_t>(signed_value);
        return signed_value < 0 ? Integer{true, 0 - bits} : Integer{false, bits};
      }
      case json::value_t::number_float: {
        const double as_double = value.get<double>();
        if (!std::isfinite(as_double) || std::fabs(as_double) >= 0x1p63) {
          out_of_range(key, value, range);
        }
        wrong_type(key, "an integer", value);
      }
      default:
        wrong_type(key, "an integer", value);
    }
  }

  std::uint64_t unsigned_up_to(std::string_view key, std::uint64_t max) const {
    const json& value = required(key);
    const std::string range = fmt::format("0..{}", max);
    const Integer n = integer(key, value, range);
    if (n.negative || n.magnitude > max) out_of_range(key, value, range);
    return n.magnitude;
  }

  std::int64_t int64_of(std::string_view key, const json& value) const {
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const std::string range = fmt::format("{}..{}", std::numeric_limits<std::int64_t>::min(),
                                          std::numeric_limits<std::int64_t>::max());
    const Integer n = integer(key, value, range);
    if (n.magnitude > kMax + (n.negative ? 1 : 0)) out_of_range(key, value, range);
    // Two's complement: 0 - 2^63 converts to INT64_MIN.
    return static_cast<std::int64_t>(n.negative ? 0 - n.magnitude : n.magnitude);
  }

  std::string string_of(std::string_view key, const json& value) const {
    if (!value.is_string()) wrong_type(key, "a string", value);
    return value.get<std::string>();
  }

  const json& event_;
  std::string_view op_;
  const TracePlace& place_;
};

Op op_of(const json& event, const TracePlace& place) {
  if (!event.is_object()) {
    throw_trace_error(place, "wrong-type",
                      fmt::format("an event must be a JSON object, got {}", describe(event)));
  }
  const auto it = event.find("op");
  if (it == event.end()) throw_trace_error(place, "missing-field", "event has no \"op\"");
  if (!it->is_string()) {
    throw_trace_error(place, "wrong-type",
                      fmt::format("\"op\" must be a string, got {}", describe(*it)));
  }
  const auto op = op_from_name(it->get_ref<const std::string&>());
  if (!op) {
    throw_trace_error(place, "unknown-op",
                      fmt::format("unknown op {} (ops: {})", it->dump(), known_ops()));
  }
  return *op;
}

}  // namespace

void throw_trace_error(const TracePlace& place, std::string_view rule, std::string detail) {
  throw TraceError({.file = std::string(place.file),
                    .event = place.event,
                    .line = place.line,
                    .rule = std::string(rule),
                    .detail = one_line(detail)});
}

// The header's `recorded` object (format.h's RecordedSetting). Unknown keys inside it are
// ignored, as at the top level.
RecordedSetting validate_recorded(const json& recorded, const TracePlace& place) {
  if (!recorded.is_object()) {
    throw_trace_error(place, "bad-header",
                      fmt::format("\"recorded\" must be an object, got {}", describe(recorded)));
  }
  RecordedSetting result;
  const auto liveness = recorded.find("liveness");
  if (liveness == recorded.end() || !liveness->is_string() ||
      (*liveness != kLivenessEveryAllocation && *liveness != kLivenessEveryN &&
       *liveness != kLivenessCollections)) {
    throw_trace_error(place, "bad-header",
                      fmt::format("\"recorded\" needs \"liveness\": \"{}\", \"{}\" or \"{}\"",
                                  kLivenessEveryAllocation, kLivenessEveryN, kLivenessCollections));
  }
  result.liveness = liveness->get<std::string>();
  const auto count = [&](std::string_view key, std::uint64_t& out, std::uint64_t least) {
    const auto it = recorded.find(key);
    if (it == recorded.end()) return;
    if (it->type() != json::value_t::number_unsigned || it->get<std::uint64_t>() < least) {
      throw_trace_error(
          place, "bad-header",
          fmt::format("\"recorded\": \"{}\" must be an integer of at least {}, got {}", key, least,
                      describe(*it)));
    }
    out = it->get<std::uint64_t>();
  };
  count("liveness_every", result.liveness_every, 1);
  count("heap_bytes", result.heap_bytes, 0);
  count("start_offset", result.start_offset, 0);
  if (const auto t = recorded.find("threshold"); t != recorded.end()) {
    if (t->type() != json::value_t::number_integer && t->type() != json::value_t::number_unsigned) {
      throw_trace_error(
          place, "bad-header",
          fmt::format("\"recorded\": \"threshold\" must be an integer, got {}", describe(*t)));
    }
    if (t->type() == json::value_t::number_unsigned &&
        t->get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw_trace_error(place, "bad-header", "\"recorded\": \"threshold\" is out of range");
    }
    result.threshold = t->get<std::int64_t>();
  }
  return result;
}

TraceHeader validate_header(const json& header, const TracePlace& place) {
  if (!header.is_object()) {
    throw_trace_error(place, "bad-header",
                      fmt::format("the header must be a JSON object, got {}", describe(header)));
  }
  const auto format = header.find("format");
  if (format == header.end()) {
    throw_trace_error(place, "bad-header",
                      fmt::format("no \"format\" (expected \"{}\")", kFormatName));
  }
  if (!format->is_string() || format->get_ref<const std::string&>() != kFormatName) {
    throw_trace_error(
        place, "bad-header",
        fmt::format("\"format\" is {}, expected \"{}\"", describe(*format), kFormatName));
  }
  const auto version = header.find("version");
  if (version == header.end()) throw_trace_error(place, "bad-header", "no \"version\"");
  if (version->type() != json::value_t::number_unsigned &&
      version->type() != json::value_t::number_integer) {
    throw_trace_error(place, "bad-header",
                      fmt::format("\"version\" must be an integer, got {}", describe(*version)));
  }
  if (*version != kFormatVersion) {
    throw_trace_error(
        place, "unsupported-version",
        fmt::format("version {}; this gcsim reads version {}", version->dump(), kFormatVersion));
  }
  TraceHeader result;
  const auto optional_string = [&](std::string_view key, std::string& out) {
    const auto it = header.find(key);
    if (it == header.end()) return;
    if (!it->is_string()) {
      throw_trace_error(place, "bad-header",
                        fmt::format("\"{}\" must be a string, got {}", key, describe(*it)));
    }
    out = it->get<std::string>();
  };
  optional_string("name", result.name);
  optional_string("description", result.description);
  optional_string("geometry", result.geometry);
  if (const auto recorded = header.find("recorded"); recorded != header.end()) {
    result.recorded = validate_recorded(*recorded, place);
  }
  return result;
}

Event validate_event(const json& event, const TracePlace& place) {
  Event result;
  result.op = op_of(event, place);
  const EventFields fields(event, result.op, place);
  switch (result.op) {
    case Op::alloc:
      result.id = fields.id("id");
      result.size = fields.size("size");
      result.fin = fields.optional_bool("fin");
      result.text = fields.optional_string("type");
      break;
    case Op::realloc:
      result.id = fields.id("id");
      result.size = fields.size("size");
      break;
    case Op::free:
    case Op::drop:
    case Op::hold:
      result.id = fields.id("id");
      break;
    case Op::ref:
    case Op::unref:
      result.id = fields.id("from");
      result.to = fields.id("to");
      break;
    case Op::collect:
    case Op::enable:
    case Op::disable:
      break;
    case Op::threshold:
      result.amount = fields.int64("amount");
      break;
    case Op::mark:
      result.text = fields.string("label");
      break;
    case Op::observe:
      result.mem_alloc = fields.optional_int64("mem_alloc");
      result.mem_free = fields.optional_int64("mem_free");
      if (!result.mem_alloc && !result.mem_free) {
        fields.fail("missing-field", "observe needs \"mem_alloc\" or \"mem_free\"");
      }
      break;
  }
  return result;
}

}  // namespace gcsim
