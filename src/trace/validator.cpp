#include "trace/validator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "trace/op_table.h"
#include "trace/trace_error.h"

namespace gcsim {
namespace {

using nlohmann::json;

// "float 1.5", "string \"48\"", "null": what a person needs to find the value.
std::string describe(const json& value) {
  const std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (value.is_number_float()) return "float " + shown;
  return fmt::format("{} {}", value.type_name(), shown);
}

// Whether `op` takes a field with this key.
bool takes_key(const OpSpec& op, std::string_view key) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if (kFields[i].key == key) return has(op.takes, static_cast<Field>(i));
  }
  return false;
}

// "id, size, fin, type": the keys `op` takes, in the op table's order, or "none".
std::string keys_of(const OpSpec& op) {
  std::string keys;
  for_each_field(op.takes, [&](Field f) {
    if (!keys.empty()) keys += ", ";
    keys += field_spec(f).key;
  });
  return keys.empty() ? "none" : keys;
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
    const OpSpec& spec = op_spec(op);
    for (const auto& [key, value] : event.items()) {
      if (key == "op" || takes_key(spec, key)) continue;
      fail("unknown-field",
           fmt::format("{} has no field \"{}\" (it takes {})", op_, key, keys_of(spec)));
    }
  }

  // Reads field `f` into its member of `out` (op_table.h), checking its type and range; an
  // absent field is an error if `required`, else leaves the member as it is.
  void read(Field f, bool required, Event& out) const {
    const FieldSpec& spec = field_spec(f);
    const json* value = find(spec.key);
    if (value == nullptr) {
      if (required) fail("missing-field", fmt::format("{} needs \"{}\"", op_, spec.key));
      return;
    }
    switch (spec.type) {
      case FieldType::trace_id:
        out.*spec.u64 = unsigned_up_to(spec.key, *value, kMaxTraceId);
        break;
      case FieldType::size:
        out.*spec.u64 = unsigned_up_to(spec.key, *value, kMaxTraceSize);
        break;
      case FieldType::int64:
        out.*spec.i64 = int64_of(spec.key, *value);
        break;
      case FieldType::optional_int64:
        out.*spec.optional_i64 = int64_of(spec.key, *value);
        break;
      case FieldType::boolean:
        if (!value->is_boolean()) wrong_type(spec.key, "true or false", *value);
        out.*spec.flag = value->get<bool>();
        break;
      case FieldType::text:
        if (!value->is_string()) wrong_type(spec.key, "a string", *value);
        out.*spec.text = value->get<std::string>();
        break;
    }
  }

  // Whether the event has any of the fields in `set`.
  bool has_any(FieldSet set) const {
    bool any = false;
    for_each_field(set, [&](Field f) { any = any || find(field_spec(f).key) != nullptr; });
    return any;
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

  std::uint64_t unsigned_up_to(std::string_view key, const json& value, std::uint64_t max) const {
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
                    .detail = std::move(detail)});
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
  const OpSpec& spec = op_spec(result.op);
  const EventFields fields(event, result.op, place);
  for_each_field(spec.takes, [&](Field f) { fields.read(f, has(spec.needs, f), result); });
  if (spec.needs_one_of != 0 && !fields.has_any(spec.needs_one_of)) {
    std::vector<std::string> keys;
    for_each_field(spec.needs_one_of,
                   [&](Field f) { keys.push_back(fmt::format("\"{}\"", field_spec(f).key)); });
    fields.fail("missing-field",
                fmt::format("{} needs {}", op_name(result.op), fmt::join(keys, " or ")));
  }
  return result;
}

}  // namespace gcsim
