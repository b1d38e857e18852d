#include "synth/synth_random.h"

#include <limits>
#include <stdexcept>

namespace gcsim::synth {

std::uint64_t SynthRandom::between(std::uint64_t lo, std::uint64_t hi) {
  if (lo > hi) throw std::invalid_argument("SynthRandom::between: lo > hi");
  const std::uint64_t span = hi - lo;
  if (span == std::numeric_limits<std::uint64_t>::max()) return engine_();
  const std::uint64_t n = span + 1;
  // Reject the top partial bucket so every value in [0, n) is equally likely.
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return lo + x % n;
}

bool SynthRandom::chance(std::uint64_t numerator, std::uint64_t denominator) {
  return between(1, denominator) <= numerator;
}

}  // namespace gcsim::synth
