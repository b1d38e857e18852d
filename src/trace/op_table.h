// The trace format's ops and their fields, declared once (docs/trace-format.md, version 1): each
// field's JSON key, what its value may be and where it lives in an Event; each op's name, the
// fields it takes, the ones it needs, and the ones of which it needs at least one. The
// validator, the fast .jsonl parser, the writer and EventArray all read these tables, so a new
// field or op is an edit here (and in Event):
//
//   op                          takes (needs*)                 fields of an Event they fill
//   alloc                       id* size* fin type             id, size, fin, text
//   realloc                     id* size*                      id, size
//   free, drop, hold            id*                            id
//   ref, unref                  from* to*                      id (from), to
//   collect, enable, disable    –
//   threshold                   amount*                        amount
//   mark                        label*                         text
//   observe                     mem_alloc, mem_free (one+)     mem_alloc, mem_free
//
// Fields are listed in the order the writer writes them; an op's fields are taken in that
// order too (the validator names the first broken one).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "trace/event.h"

namespace gcsim {

enum class Field : std::uint8_t {
  id,
  from,
  to,
  size,
  fin,
  type,
  amount,
  label,
  mem_alloc,
  mem_free
};
inline constexpr std::size_t kFieldCount = 10;

// What a field's value may be, and so which member of an Event it fills.
enum class FieldType : std::uint8_t {
  trace_id,        // a JSON integer 0 … kMaxTraceId          → a std::uint64_t member
  size,            // a JSON integer 0 … kMaxTraceSize        → a std::uint64_t member
  int64,           // a JSON integer that fits in int64       → a std::int64_t member
  optional_int64,  // the same, or absent                     → a std::optional<std::int64_t>
  boolean,         // true or false; absent is false          → a bool member
  text,            // a JSON string; absent is "" if optional → a std::string member
};

// A field: its key, its type, and its member of an Event (the one pointer its type uses).
struct FieldSpec {
  std::string_view key;
  FieldType type;
  std::uint64_t Event::*u64 = nullptr;
  std::int64_t Event::*i64 = nullptr;
  std::optional<std::int64_t> Event::*optional_i64 = nullptr;
  bool Event::*flag = nullptr;
  std::string Event::*text = nullptr;
};

inline constexpr std::array<FieldSpec, kFieldCount> kFields = {{
    {.key = "id", .type = FieldType::trace_id, .u64 = &Event::id},
    {.key = "from", .type = FieldType::trace_id, .u64 = &Event::id},
    {.key = "to", .type = FieldType::trace_id, .u64 = &Event::to},
    {.key = "size", .type = FieldType::size, .u64 = &Event::size},
    {.key = "fin", .type = FieldType::boolean, .flag = &Event::fin},
    {.key = "type", .type = FieldType::text, .text = &Event::text},
    {.key = "amount", .type = FieldType::int64, .i64 = &Event::amount},
    {.key = "label", .type = FieldType::text, .text = &Event::text},
    {.key = "mem_alloc", .type = FieldType::optional_int64, .optional_i64 = &Event::mem_alloc},
    {.key = "mem_free", .type = FieldType::optional_int64, .optional_i64 = &Event::mem_free},
}};

constexpr const FieldSpec& field_spec(Field f) { return kFields[static_cast<std::size_t>(f)]; }

// A set of fields, one bit each (bit f for Field f).
using FieldSet = std::uint16_t;
constexpr FieldSet field_bit(Field f) { return static_cast<FieldSet>(1u << static_cast<int>(f)); }
template <class... F>
constexpr FieldSet fields(F... f) {
  return static_cast<FieldSet>((FieldSet{0} | ... | field_bit(f)));
}
constexpr bool has(FieldSet set, Field f) { return (set & field_bit(f)) != 0; }

struct OpSpec {
  std::string_view name;
  FieldSet takes = 0;
  FieldSet needs = 0;         // each of these
  FieldSet needs_one_of = 0;  // at least one of these (none: no such rule)
};

inline constexpr std::size_t kOpCount = 13;

// Indexed by Op.
inline constexpr std::array<OpSpec, kOpCount> kOps = {{
    {"alloc", fields(Field::id, Field::size, Field::fin, Field::type),
     fields(Field::id, Field::size)},
    {"realloc", fields(Field::id, Field::size), fields(Field::id, Field::size)},
    {"free", fields(Field::id), fields(Field::id)},
    {"drop", fields(Field::id), fields(Field::id)},
    {"hold", fields(Field::id), fields(Field::id)},
    {"ref", fields(Field::from, Field::to), fields(Field::from, Field::to)},
    {"unref", fields(Field::from, Field::to), fields(Field::from, Field::to)},
    {"collect"},
    {"enable"},
    {"disable"},
    {"threshold", fields(Field::amount), fields(Field::amount)},
    {"mark", fields(Field::label), fields(Field::label)},
    {"observe", fields(Field::mem_alloc, Field::mem_free), 0,
     fields(Field::mem_alloc, Field::mem_free)},
}};

constexpr const OpSpec& op_spec(Op op) { return kOps[static_cast<std::size_t>(op)]; }

// Whether `text` is `known`, one of these tables' names: a length check and a memcmp, which,
// inlined where `known` is a table entry known when compiling, is a load or two (string_view's
// == is a call to compare(), once per name tried).
[[gnu::always_inline]] inline bool is_name(std::string_view text, std::string_view known) {
  return text.size() == known.size() && std::memcmp(text.data(), known.data(), known.size()) == 0;
}

// Calls f(Field) for each field of `set`, in the table's order.
template <class F>
constexpr void for_each_field(FieldSet set, F&& f) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if ((set >> i) & 1u) f(static_cast<Field>(i));
  }
}

}  // namespace gcsim
