// EventArray: a whole trace in memory, compactly — what a sweep parses once and replays in
// every cell. An Event carries a string and two optionals (about 100 bytes); a packed event is
// 24: two 64-bit slots, the op, flags, and an index into a table of the distinct strings (alloc
// types and mark labels repeat). Which of the op's fields goes where follows the op table
// (op_table.h): its integer fields in order fill a, then b; its flag (fin) and which optional
// integers are present are flags; its text field is the string index.
//
//   op                          a                   b
//   alloc, realloc              id                  size
//   free, drop, hold            id                  –
//   ref, unref                  id (from)           to
//   threshold                   amount              –
//   observe                     mem_alloc           mem_free      (flags: which are present)
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace/event.h"

namespace gcsim {

class EventArray {
 public:
  EventArray() = default;
  explicit EventArray(const std::vector<Event>& events);

  void push_back(const Event& e);
  std::size_t size() const { return events_.size(); }
  bool empty() const { return events_.empty(); }
  // Event i into `out`, reusing its string's storage.
  void load(std::size_t i, Event& out) const;
  Event at(std::size_t i) const;
  // The heap memory the array holds: its packed events and its distinct strings, twice (the
  // table and its index), with their nodes.
  std::size_t memory_bytes() const;

 private:
  struct Packed {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    std::uint32_t text = kNoText;
    Op op = Op::mark;
    std::uint8_t flags = 0;
  };
  static constexpr std::uint32_t kNoText = 0xffffffffu;
  static constexpr std::uint8_t kFin = 1, kHasA = 2, kHasB = 4;  // kHas*: an optional is set

  std::vector<Packed> events_;
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint32_t> text_index_;
};

}  // namespace gcsim
