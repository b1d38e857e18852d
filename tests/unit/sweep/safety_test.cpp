// The safety margin of a cell against full replays: it holds exactly when every heap from the
// margin below the cell's heap up to it replays with no MemoryError, and when it does not, the
// heap it names fails. classes.jsonl holds from 17,504 bytes at threshold off.
#include "sweep/safety.h"

#include <gtest/gtest.h>

#include "sweep/heap_scan.h"
#include "sweep_support.h"

namespace gcsim::sweep {
namespace {

using test::passes;

// Every heap size (ATB size) from `from` up to `to` passes.
bool all_pass(const test::Loaded& in, const GridValue& threshold, std::uint64_t from,
              std::uint64_t to) {
  const GeometryParams& g = in.spec.traces[0].geometry;
  for (std::uint64_t atb = std::max<std::uint64_t>(1, atb_of_heap(g, from));
       atb <= atb_of_heap(g, to); ++atb) {
    if (!passes(in, threshold, std::max(from, smallest_heap_with_atb(g, atb)))) return false;
  }
  return true;
}

TEST(SweepSafetyMargin, HoldsExactlyWhenEveryHeapInTheMarginPasses) {
  const test::Loaded in = test::load({test::kClasses}, "off,quarter,64", "port");
  for (const GridValue& threshold : in.spec.thresholds) {
    for (std::uint64_t heap : {20480u, 24576u, 32768u}) {
      for (std::uint64_t margin : {1024u, 5120u, 8192u}) {
        SCOPED_TRACE(threshold.label() + " heap " + std::to_string(heap) + " margin " +
                     std::to_string(margin));
        const MarginCheck m =
            check_margin(in.spec.traces[0], in.traces[0], threshold, heap, margin);
        EXPECT_EQ(m.from_bytes, heap - margin);
        EXPECT_EQ(m.holds, all_pass(in, threshold, heap - margin, heap));
        EXPECT_EQ(m.fails_at_bytes.has_value(), !m.holds);
        if (m.fails_at_bytes) {
          EXPECT_GE(*m.fails_at_bytes, m.from_bytes);
          EXPECT_LE(*m.fails_at_bytes, heap);
          EXPECT_FALSE(passes(in, threshold, *m.fails_at_bytes));
        }
      }
    }
  }
}

TEST(SweepSafetyMargin, TheSweepChecksEveryPassingCell) {
  test::Loaded in = test::load({test::kClasses}, "off", "20K,24K,4096");
  in.spec.safety_margin = parse_safety_margin("25%");
  const SweepResult r = run_sweep(in.spec, in.traces, std::nullopt, 2);
  ASSERT_EQ(r.cells.size(), 3u);
  ASSERT_TRUE(r.cells[0].margin && r.cells[1].margin && r.cells[2].margin);
  EXPECT_EQ(r.cells[0].margin->from_bytes, 15360u);  // 20 KiB - 25%
  EXPECT_FALSE(r.cells[0].margin->holds);            // 15,360 < 17,504
  EXPECT_EQ(r.cells[1].margin->from_bytes, 18432u);
  EXPECT_TRUE(r.cells[1].margin->holds);
  EXPECT_FALSE(r.cells[2].margin->holds);  // 4 KiB fails itself: not checked
  EXPECT_EQ(r.cells[2].margin->replays, 0u);
  EXPECT_FALSE(r.cells[2].margin->fails_at_bytes);
}

}  // namespace
}  // namespace gcsim::sweep
