// The per-event CSV: does each row print the sample's fields as plain decimal text, in the
// header's order, for every op and for numbers up to 2^64 − 1, and does --every K keep exactly
// the events that are multiples of K, and the last one?
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
  for (std::uint64_t event = 0; event < 2000; ++event) {
    StateSample s;
    s.event = event % 500 == 499 ? kMax : event;
    s.op = static_cast<Op>(event % kOpCount);
    // Zeros, the extremes, and random numbers of every length.
    auto number = [&] {
      switch (rng() % 4) {
        case 0:
          return std::uint64_t{0};
        case 1:
          return kMax;
        default:
          return rng() >> (rng() % 64);
      }
    };
    s.mem_alloc = number();
    s.mem_free = number();
    s.max_free = number();
    s.free_runs = static_cast<std::uint32_t>(number());
    s.collections = number();
    writer.sample(s);
    want += expected_row(s);
  }
  EXPECT_EQ(out.str(), want);
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
