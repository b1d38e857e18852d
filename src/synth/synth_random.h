// SynthRandom: the workload generators' only source of chance. std::mt19937_64 is fully
// specified by the standard, so a seed gives the same numbers with every standard library;
// the std::uniform_*_distribution classes are not (libstdc++ and libc++ differ), so ranges
// are drawn here by rejection sampling instead.
#pragma once

#include <cstdint>
#include <random>

namespace gcsim::synth {

class SynthRandom {
 public:
  explicit SynthRandom(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [lo, hi] (inclusive); lo ≤ hi.
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi);
  // True with probability numerator / denominator.
  bool chance(std::uint64_t numerator, std::uint64_t denominator);

 private:
  std::mt19937_64 engine_;
};

}  // namespace gcsim::synth
