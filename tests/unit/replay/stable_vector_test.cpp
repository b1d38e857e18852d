// StableVector: elements keep their index and their address as it grows past its chunks.
#include "replay/stable_vector.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

namespace gcsim {
namespace {

struct Item {
  std::size_t value = 7;  // default-constructed elements are value-initialised
  std::vector<int> payload;
};

TEST(StableVector, GrowsWithoutMovingItsElements) {
  StableVector<Item> items;
  std::vector<const Item*> addresses;
  for (std::size_t i = 0; i < 5'000; ++i) {
    Item& item = items.emplace_back();
    EXPECT_EQ(item.value, 7u);
    item.value = i * 3;
    item.payload.assign(i % 5, static_cast<int>(i));
    addresses.push_back(&item);
    ASSERT_EQ(items.size(), i + 1);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(&items[i], addresses[i]) << i;
    EXPECT_EQ(items[i].value, i * 3) << i;
    EXPECT_EQ(items[i].payload.size(), i % 5) << i;
  }
  const StableVector<Item>& view = items;
  EXPECT_EQ(view[4'999].value, 4'999u * 3);
}

}  // namespace
}  // namespace gcsim
