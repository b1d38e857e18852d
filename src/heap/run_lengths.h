// RunLengths: how many free runs there are of each length in blocks, so that the largest free
// run (gc_info's "max free") and the number of runs are read without a scan. Lengths go from 1
// to the pool's block count: a flat count per length, and a bit per length that has any, so
// that when the last run of the largest length goes the next largest is found a word of
// lengths at a time.
#pragma once

#include <cstdint>
#include <vector>

#include "heap/bit_plane.h"

namespace gcsim {

class RunLengths {
 public:
  explicit RunLengths(std::uint32_t max_length = 0);

  void add(std::uint32_t n_blocks);
  // Throws std::logic_error if no run of that length is counted.
  void remove(std::uint32_t n_blocks);

  std::uint32_t largest() const { return largest_; }
  std::uint32_t count() const { return count_; }

 private:
  std::vector<std::uint32_t> of_length_;  // index: run length in blocks
  BitPlane present_;                      // bit n set when of_length_[n] > 0
  std::uint32_t largest_ = 0;
  std::uint32_t count_ = 0;
};

}  // namespace gcsim
