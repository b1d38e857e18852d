// One trace event, as read from a gcsim trace (docs/trace-format.md, version 1).
//
// An Event is plain data: the reader fills it, the validator has checked its fields, and
// replay/ applies it. It knows nothing of the collector. Ids are the trace's own object ids
// (0 … 2^53−1); sizes are the bytes the program asked for (0 … 2^40).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gcsim {

enum class Op : std::uint8_t {
  alloc,
  realloc,
  free,
  drop,
  hold,
  ref,
  unref,
  collect,
  enable,
  disable,
  threshold,
  mark,
  observe,
};

inline constexpr std::uint64_t kMaxTraceId = (std::uint64_t{1} << 53) - 1;
inline constexpr std::uint64_t kMaxTraceSize = std::uint64_t{1} << 40;

struct Event {
  Op op = Op::mark;
  std::uint64_t id = 0;                   // alloc, realloc, free, drop, hold; `from` of ref/unref
  std::uint64_t to = 0;                   // ref, unref
  std::uint64_t size = 0;                 // alloc, realloc: n_bytes
  bool fin = false;                       // alloc: allocated with the finaliser flag
  std::int64_t amount = 0;                // threshold: bytes, negative disables
  std::string text;                       // alloc: optional `type`; mark: `label`
  std::optional<std::int64_t> mem_alloc;  // observe: the device's gc.mem_alloc()
  std::optional<std::int64_t> mem_free;   // observe: the device's gc.mem_free()

  bool operator==(const Event&) const = default;
};

// The op's name as the trace format spells it ("alloc", "realloc", …).
std::string_view op_name(Op op);
// The op named `name`, or nothing for an unknown name.
std::optional<Op> op_from_name(std::string_view name);

}  // namespace gcsim
