// IdRanges: a set of trace ids kept as closed intervals, so that remembering every dead id
// costs memory in the number of gaps, not the number of ids (traces mostly count ids up).
#pragma once

#include <cstdint>
#include <map>

namespace gcsim {

class IdRanges {
 public:
  void insert(std::uint64_t id);
  bool contains(std::uint64_t id) const;
  std::size_t interval_count() const { return ranges_.size(); }

 private:
  std::map<std::uint64_t, std::uint64_t> ranges_;  // first → last, disjoint, not adjacent
};

}  // namespace gcsim
