// IdTable against std::unordered_map: random inserts and erases of ids up to 2^53, through
// growth past the size that never shrinks and back down, each id's slot (or its absence) as
// the map says after every step.
#include "replay/id_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

namespace gcsim {
namespace {

TEST(IdTable, AgreesWithAMapThroughGrowthAndShrinking) {
  IdTable table;
  std::unordered_map<std::uint64_t, std::uint32_t> want;
  std::vector<std::uint64_t> ids;  // the ids in `want`, to erase one at random
  std::mt19937_64 rng(11);
  // Up to ~150,000 live ids (a 512 Ki-entry array), then down to a few, twice; ids are dense
  // (0, 1, 2, …: a recording's) or random below 2^53.
  std::uint64_t next_dense = 0;
  for (int phase = 0; phase < 4; ++phase) {
    const bool growing = phase % 2 == 0;
    for (int step = 0; step < 300'000; ++step) {
      const bool insert = ids.empty() || (growing ? rng() % 4 != 0 : rng() % 4 == 0);
      if (insert) {
        std::uint64_t id = rng() % 2 == 0 ? next_dense++ : rng() >> 11;
        if (want.count(id) != 0) continue;
        const auto slot = static_cast<std::uint32_t>(rng() % 1'000'000);
        table.insert(id, ObjectSlot(slot));
        want[id] = slot;
        ids.push_back(id);
      } else {
        const std::size_t k = rng() % ids.size();
        const std::uint64_t id = ids[k];
        ids[k] = ids.back();
        ids.pop_back();
        table.erase(id);
        want.erase(id);
        EXPECT_EQ(table.find(id), kNoSlot);
      }
      ASSERT_EQ(table.size(), want.size());
    }
    for (const auto& [id, slot] : want) ASSERT_EQ(table.find(id), ObjectSlot(slot)) << id;
    EXPECT_FALSE(table.contains(next_dense + 1));
  }
}

// Ids with a common stride, the patterns a hash of the low bits would pile up (a stride of
// 2^16 puts every id in one place): at a table's fullest (12,000 ids in 16 Ki entries) and
// emptiest (100,000 in 256 Ki), probes stay short on average and in the worst case.
TEST(IdTable, ProbesStayShortForStridedIds) {
  for (const std::uint64_t stride :
       {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{4}, std::uint64_t{64},
        std::uint64_t{1} << 16, std::uint64_t{1} << 32, std::uint64_t{1000003}}) {
    for (const std::uint64_t ids : {std::uint64_t{12'000}, std::uint64_t{100'000}}) {
      IdTable table;
      for (std::uint64_t k = 0; k < ids; ++k) table.insert(k * stride, ObjectSlot(k));
      std::size_t total = 0, longest = 0;
      for (std::uint64_t k = 0; k < ids; ++k) {
        const std::size_t n = table.probe_length(k * stride);
        total += n;
        longest = std::max(longest, n);
      }
      EXPECT_LT(static_cast<double>(total) / static_cast<double>(ids), 2.0)
          << "stride " << stride << ", " << ids << " ids";
      EXPECT_LT(longest, 32u) << "stride " << stride << ", " << ids << " ids";
    }
  }
}

}  // namespace
}  // namespace gcsim
