// html_byte_axis: is the bytes-allocated axis exact at the events the report draws — every
// notable event and the one before it, every Curve bucket's last event — while it keeps a
// bounded number of points?
#include <gtest/gtest.h>

#include "report/byte_axis.h"
#include "report/curve.h"

namespace gcsim {
namespace {

TEST(ByteAxis, ExactAtCurveBucketEndsAndNotableEvents) {
  constexpr std::uint64_t kEvents = 100'000;
  Curve curve(64);
  ByteAxis axis(128);
  std::uint64_t total = 0;
  std::vector<std::uint64_t> after(kEvents);
  for (std::uint64_t e = 0; e < kEvents; ++e) {
    const std::uint64_t before = total;
    total += (e * 7) % 13;  // some events allocate nothing
    after[e] = total;
    axis.add(e, before, total, e % 9973 == 5);
    StateSample s;
    s.event = e;
    curve.sample(s);
  }
  for (const CurveBucket& b : curve.buckets()) {
    EXPECT_EQ(axis.after(b.last_event), after[b.last_event]) << b.last_event;
    EXPECT_EQ(axis.before(b.first_event), b.first_event ? after[b.first_event - 1] : 0);
  }
  for (std::uint64_t e = 5; e < kEvents; e += 9973) {
    EXPECT_EQ(axis.after(e), after[e]);
    EXPECT_EQ(axis.before(e), after[e - 1]);
  }
  EXPECT_EQ(axis.total(), total);
  EXPECT_EQ(axis.after(kEvents + 5), total);
  EXPECT_EQ(axis.before(0), 0u);
}

TEST(ByteAxis, NeverAboveTheTrueValue) {
  ByteAxis axis(4);
  for (std::uint64_t e = 0; e < 1000; ++e) axis.add(e, e * 10, e * 10 + 10, false);
  for (std::uint64_t e = 0; e < 1000; ++e) EXPECT_LE(axis.after(e), e * 10 + 10);
}

}  // namespace
}  // namespace gcsim
