// ByteAxis: how many bytes the trace had allocated after each event — the sizes of successful
// allocs and reallocs, as summary.bytes_requested counts them — for the report's second x axis
// ("bytes allocated" instead of "events"). A point is kept every `every` events, the interval
// doubling as the points run out, exactly as a Curve's buckets widen: with at least twice the
// curve's bucket count, every bucket's last event is a kept point. Notable events (collections,
// failures, marks, observations) are kept always, with the event before them.
#pragma once

#include <cstdint>
#include <vector>

namespace gcsim {

class ByteAxis {
 public:
  explicit ByteAxis(std::size_t max_regular_points = 2048);

  // Event `event` (added in order, each once) took the total from bytes_before to bytes_after.
  void add(std::uint64_t event, std::uint64_t bytes_before, std::uint64_t bytes_after,
           bool notable);
  // Bytes allocated up to and including `event`: exact at kept points and from the last event
  // on; elsewhere the nearest kept point before it.
  std::uint64_t after(std::uint64_t event) const;
  std::uint64_t before(std::uint64_t event) const { return event == 0 ? 0 : after(event - 1); }
  std::uint64_t total() const { return total_; }

 private:
  struct Point {
    std::uint64_t event = 0;
    std::uint64_t bytes = 0;
    bool notable = false;
  };
  bool regular(std::uint64_t event) const { return (event + 1) % every_ == 0; }
  void thin();

  std::size_t max_regular_;
  std::size_t regular_points_ = 0;
  std::uint64_t every_ = 1;
  std::vector<Point> points_;
  std::uint64_t last_event_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace gcsim
