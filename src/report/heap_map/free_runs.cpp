#include "report/heap_map/free_runs.h"

#include <bit>

namespace gcsim {
namespace {

// Bin k holds lengths 2^(k−1)+1 … 2^k (bin 0 holds 1).
std::size_t bin_of(std::uint32_t length) {
  return static_cast<std::size_t>(std::bit_width(length - 1));
}

}  // namespace

std::vector<FreeRunBin> free_run_histogram(std::string_view letters) {
  std::vector<FreeRunBin> bins;
  auto add_run = [&](std::uint32_t length) {
    const std::size_t k = bin_of(length);
    while (bins.size() <= k) {
      const std::size_t i = bins.size();
      const std::uint32_t hi = std::uint32_t{1} << i;
      bins.push_back({i == 0 ? 1u : (hi >> 1) + 1, hi, 0, 0});
    }
    ++bins[k].runs;
    bins[k].blocks += length;
  };
  std::uint32_t run = 0;
  for (const char c : letters) {
    if (c == '.') {
      ++run;
    } else if (run > 0) {
      add_run(run);
      run = 0;
    }
  }
  if (run > 0) add_run(run);
  return bins;
}

}  // namespace gcsim
