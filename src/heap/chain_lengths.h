// ChainLengths: how many allocations there are of each length in blocks — what gc_info()
// reports as "1-blocks", "2-blocks" and "max blk sz" — kept as allocations come and go.
// Short lengths (the common case) are counted in a flat array; longer ones in a map.
#pragma once

#include <array>
#include <cstdint>
#include <map>

namespace gcsim {

class ChainLengths {
 public:
  void add(std::uint32_t n_blocks);
  // Throws std::logic_error if no allocation of that length is counted.
  void remove(std::uint32_t n_blocks);

  std::uint32_t of_length(std::uint32_t n_blocks) const;
  std::uint32_t longest() const;
  std::uint32_t total() const { return total_; }

  bool operator==(const ChainLengths&) const = default;

 private:
  static constexpr std::uint32_t kShort = 256;
  std::array<std::uint32_t, kShort> short_{};
  std::map<std::uint32_t, std::uint32_t> long_;  // length ≥ kShort → how many
  std::uint32_t total_ = 0;
};

}  // namespace gcsim
