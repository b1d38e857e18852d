// The cells of a sweep and their fixed order, and the shards that split them.
//
// Cell index = (trace · heap sizes + heap) · thresholds + threshold: trace by trace, each heap
// size in the order given, each threshold in the order given. Every output lists cells in this
// order, whatever -j is. Shard I of N (1-based) takes the cells whose index mod N is I − 1
// (round robin, so each shard gets a share of every trace), and the same for min-heap searches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gcsim::sweep {

struct CellCoord {
  std::size_t trace = 0, heap = 0, threshold = 0;
  bool operator==(const CellCoord&) const = default;
};

struct GridShape {
  std::size_t traces = 0, heaps = 0, thresholds = 0;

  std::size_t cells() const { return traces * heaps * thresholds; }
  CellCoord at(std::size_t index) const {
    return {index / (heaps * thresholds), index / thresholds % heaps, index % thresholds};
  }
};

struct Shard {
  std::uint32_t index = 1;  // 1 … count
  std::uint32_t count = 1;

  bool holds(std::size_t task) const { return task % count == index - 1; }
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
  bool operator==(const Shard&) const = default;
};

// "2/4" → shard 2 of 4. Throws std::invalid_argument for anything but 1 ≤ I ≤ N.
Shard parse_shard(std::string_view text);

}  // namespace gcsim::sweep
