// RecordingStream: turns the recorder's binary records (written by the MicroPython side,
// micropython/gcsim_record/event_stream.h, which defines the format) into trace events.
//
// Bytes arrive in pieces as the recorded program runs; feed() takes any piece and decodes
// every complete record. Each record becomes at most one event, in order, with one exception:
// an OBSERVE line's `mark` goes where the program last read the heap's figures (the 'i' record
// of gc.mem_alloc()/gc.mem_free(), made before the line was formatted), not where the line was
// printed, so the replay's mem_alloc at the mark is the one the line reports. The events after
// such a read are held until the next line, read or end; past kMaxHeld they are let go and the
// mark goes where the line was printed.
//
//   'i'  (gc.mem_alloc())          held: alloc 7        →  mark frame1
//   'a' 7 …                        held: alloc 7, 8         alloc 7
//   'a' 8 …                                                 alloc 8
//   'm' "frame1"
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "trace/event.h"

namespace gcsim {

struct RecordingFacts {
  std::uint64_t heap_start_offset = 0;  // heap start modulo the block size
  std::uint64_t pool_bytes = 0;
  std::uint64_t liveness_every = 1;  // a liveness pass before every N-th allocation
  std::uint64_t records = 0;
  std::uint64_t out_of_memory = 0;  // allocations the recording heap refused
  std::uint64_t first_out_of_memory_bytes = 0;
  std::uint64_t liveness_misses = 0;  // the program used an object a pass had found unreachable
  bool ended = false;                 // the 'z' record arrived, with the right count
};

class RecordingStream {
 public:
  using Sink = std::function<void(const Event&)>;
  using StartSink = std::function<void(const RecordingFacts&)>;
  static constexpr std::size_t kMaxHeld = 1'000'000;

  // `on_start` (optional) sees the recording's heap and liveness (the first record) before
  // the first event goes to `sink`.
  explicit RecordingStream(Sink sink, StartSink on_start = {})
      : sink_(std::move(sink)), on_start_(std::move(on_start)) {}

  // Decodes every complete record in what has arrived so far. Throws std::runtime_error on a
  // record that cannot be (an unknown op, a record after the end, a varint too long).
  void feed(std::string_view bytes);
  // No more bytes: emits what is held. Throws if a record was cut off.
  void finish();

  const RecordingFacts& facts() const { return facts_; }

 private:
  // One record from `in` at `pos`; false (pos unchanged) if it is not complete yet.
  bool decode_one(std::string_view in, std::size_t& pos);
  void emit(Event event);
  void release_held();

  Sink sink_;
  StartSink on_start_;
  RecordingFacts facts_;
  std::string pending_;  // an incomplete record's bytes
  bool holding_ = false;
  std::vector<Event> held_;
};

}  // namespace gcsim
