// The free-run size histogram of a heap map: how many runs of FREE blocks there are of each
// length, in power-of-two bins of blocks (1, 2, 3–4, 5–8, …), and how many blocks each bin
// holds. It shows why a large request fails although mem_free is large: the free bytes sit in
// many short runs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gcsim {

struct FreeRunBin {
  std::uint32_t min_blocks = 0, max_blocks = 0;  // run lengths in this bin, inclusive
  std::uint64_t runs = 0;
  std::uint64_t blocks = 0;  // free blocks in those runs
};

// Bins from 1 block up to the bin holding the longest run; empty bins included. `letters` is
// one character per block, '.' for FREE (mem_info.h).
std::vector<FreeRunBin> free_run_histogram(std::string_view letters);

}  // namespace gcsim
