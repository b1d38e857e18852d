#include "sweep/merge.h"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>

#include "sweep/sweep_json.h"

namespace gcsim::sweep {

SweepResult merge_shards(std::vector<ShardFile> shards) {
  if (shards.empty()) throw std::invalid_argument("no shards to merge");
  const auto fail = [](const std::string& file, const std::string& what) {
    return std::invalid_argument(fmt::format("{}: {}", file, what));
  };
  const ShardFile& first = shards.front();
  if (!first.result.shard) {
    throw fail(first.file, "not a shard (it has no \"shard\"); merge joins --shard results");
  }
  const std::uint32_t count = first.result.shard->count;
  const auto spec = spec_to_json(first.result.spec);
  std::vector<const ShardFile*> by_index(count + 1, nullptr);
  for (const ShardFile& s : shards) {
    if (!s.result.shard) throw fail(s.file, "not a shard (it has no \"shard\")");
    const Shard& shard = *s.result.shard;
    if (shard.count != count) {
      throw fail(s.file, fmt::format("shard {} does not fit {}'s {} shards", shard.text(),
                                     first.file, count));
    }
    if (spec_to_json(s.result.spec) != spec) {
      throw fail(s.file,
                 fmt::format("a shard of another sweep than {} (traces, grid or cost model differ)",
                             first.file));
    }
    if (s.gate != first.gate) {
      throw fail(s.file, fmt::format("gated differently from {} (baseline, tolerance or budgets)",
                                     first.file));
    }
    if (by_index[shard.index]) {
      throw fail(s.file,
                 fmt::format("shard {} is also {}", shard.text(), by_index[shard.index]->file));
    }
    by_index[shard.index] = &s;
  }
  for (std::uint32_t i = 1; i <= count; ++i) {
    if (!by_index[i]) throw std::invalid_argument(fmt::format("shard {}/{} is missing", i, count));
  }
  SweepResult merged{first.result.spec, std::nullopt, {}, {}};
  for (ShardFile& s : shards) {
    for (CellResult& c : s.result.cells) merged.cells.push_back(std::move(c));
    for (MinHeapResult& m : s.result.min_heaps) merged.min_heaps.push_back(m);
  }
  const auto by_position = [](const auto& a, const auto& b) { return a.index < b.index; };
  std::sort(merged.cells.begin(), merged.cells.end(), by_position);
  std::sort(merged.min_heaps.begin(), merged.min_heaps.end(), by_position);
  // Each shard holds exactly the indexes it owns, so together they must be 0, 1, 2, ... once.
  for (std::size_t i = 0; i < merged.cells.size(); ++i) {
    if (merged.cells[i].index != i) {
      throw std::invalid_argument(fmt::format("cell {} is missing or twice", i));
    }
  }
  if (merged.cells.size() != merged.spec.shape().cells()) {
    throw std::invalid_argument(fmt::format("the shards hold {} of {} cells", merged.cells.size(),
                                            merged.spec.shape().cells()));
  }
  const std::size_t searches =
      merged.spec.min_heap ? merged.spec.traces.size() * merged.spec.thresholds.size() : 0;
  for (std::size_t i = 0; i < merged.min_heaps.size(); ++i) {
    if (merged.min_heaps[i].index != i) {
      throw std::invalid_argument(fmt::format("min-heap search {} is missing or twice", i));
    }
  }
  if (merged.min_heaps.size() != searches) {
    throw std::invalid_argument(fmt::format("the shards hold {} of {} min-heap searches",
                                            merged.min_heaps.size(), searches));
  }
  return merged;
}

}  // namespace gcsim::sweep
