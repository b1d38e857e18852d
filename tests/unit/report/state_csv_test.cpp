// The per-event CSV: does each row print the sample's fields as plain decimal text, in the
// header's order, for every op and for numbers up to 2^64 − 1 — when a column repeats its last
// value, when the event counts up by one across 9 → 10, 99 → 100, 10^19 − 1 → 10^19, and when it
// jumps — and does --every K keep exactly the events that are multiples of K, and the last one?
#include "report/state_csv.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <string>

#include "trace/op_table.h"

namespace gcsim {
namespace {

std::string expected_row(const StateSample& s) {
  return fmt::format("{},{},{},{},{},{},{}\n", s.event, op_name(s.op), s.mem_alloc, s.mem_free,
                     s.max_free, s.free_runs, s.collections);
}

TEST(StateCsv, RowsAreTheFieldsAsDecimalText) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::ostringstream out;
  StateCsvWriter writer(out, 1);
  std::string want = std::string(kStateCsvHeader) + "\n";
  std::mt19937_64 rng(3);
  StateSample s;
  // Zeros, the extremes, random numbers of every length, and the column's last value.
  auto number = [&](std::uint64_t last) {
    switch (rng() % 5) {
      case 0:
        return std::uint64_t{0};
      case 1:
        return kMax;
      case 2:
        return last;
      default:
        return rng() >> (rng() % 64);
    }
  };
  // Counting up from 0, from 10^19 − 3 and to 2^64 − 1, with jumps between.
  std::uint64_t event = 0;
  for (int row = 0; row < 4000; ++row) {
    if (row == 1500) event = 9'999'999'999'999'999'997u;
    if (row == 2500) event = kMax - 2;
    if (row == 2600) event = 98;
    s.event = event;
    event = rng() % 50 == 0 ? rng() >> (rng() % 64) : event + 1;
    s.op = static_cast<Op>(row % kOpCount);
    s.mem_alloc = number(s.mem_alloc);
    s.mem_free = number(s.mem_free);
    s.max_free = number(s.max_free);
    s.free_runs = static_cast<std::uint32_t>(number(s.free_runs));
    s.collections = number(s.collections);
    writer.sample(s);
    want += expected_row(s);
  }
  writer.finish();
  EXPECT_EQ(out.str(), want);
}

// Rows are written to the stream in blocks (and at finish), not one write per row.
TEST(StateCsv, FinishWritesEveryRowHeld) {
  std::ostringstream out;
  StateCsvWriter writer(out, 1);
  StateSample s;
  s.op = Op::alloc;
  writer.sample(s);
  EXPECT_EQ(out.str(), std::string(kStateCsvHeader) + "\n");
  writer.finish();
  EXPECT_EQ(out.str(), std::string(kStateCsvHeader) + "\n" + expected_row(s));
}

TEST(StateCsv, EveryKeepsTheMultiplesOfKAndTheLastEvent) {
  for (const std::uint64_t events : {10u, 11u}) {  // ends after a skipped event; on a multiple
    std::ostringstream out;
    StateCsvWriter writer(out, 5);
    std::string want = std::string(kStateCsvHeader) + "\n";
    for (std::uint64_t event = 0; event < events; ++event) {
      StateSample s;
      s.event = event;
      s.op = Op::alloc;
      s.mem_alloc = event * 32;
      writer.sample(s);
      if (event % 5 == 0 || event == events - 1) want += expected_row(s);
    }
    writer.finish();
    EXPECT_EQ(out.str(), want) << events << " events";
  }
}

}  // namespace
}  // namespace gcsim
