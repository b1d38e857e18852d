// IdRanges: a set of trace ids kept as closed intervals, so that it costs memory in the number
// of gaps, not the number of ids. Program keeps the ids never allocated below the highest one
// seen: traces mostly count ids up, so that set is mostly empty.
#pragma once

#include <cstdint>
#include <map>

namespace gcsim {

class IdRanges {
 public:
  void insert(std::uint64_t first, std::uint64_t last);
  void insert(std::uint64_t id) { insert(id, id); }
  void erase(std::uint64_t id);
  bool contains(std::uint64_t id) const;
  bool empty() const { return ranges_.empty(); }
  std::size_t interval_count() const { return ranges_.size(); }

 private:
  std::map<std::uint64_t, std::uint64_t> ranges_;  // first → last, disjoint, not adjacent
};

}  // namespace gcsim
