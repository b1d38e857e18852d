// IdTable against std::unordered_map: random inserts and erases of ids up to 2^53, through
// growth past the size that never shrinks and back down, each id's slot (or its absence) as
// the map says after every step.
#include "replay/id_table.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace gcsim
