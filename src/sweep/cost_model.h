// The estimated GC time on the K210: a cost per block marked, per block swept and per
// collection, at the CPU clock. The figures are estimates from counting the work in gc.c's
// loops (docs/collector.md §4–§6), not measurements; every one can be overridden
// (README "Sweeps", cost model table):
//
//   mark   64 cycles per block marked: gc_mark_subtree reads the block's 4 words (64-bit), checks
//          each is a pointer into the pool (VERIFY_PTR), reads its ATB byte, marks and pushes
//          a head; about 16 cycles a word with the cache misses of a 6 MiB SRAM
//   sweep  10 cycles per block swept: gc_sweep reads every block's 2 ATB bits (load, shift,
//          mask, switch) and clears marks; freed heads also test their FTB bit
//   fixed  15,000 cycles per collection: gc_collect_start/_end and the root scan (registers,
//          about 8 KiB of C stack and the MicroPython state, ~1,100 words)
//   clock  400 MHz, MaixPy's default CPU frequency
#pragma once

#include <cstdint>

namespace gcsim::sweep {

struct CostModel {
  std::uint32_t cpu_mhz = 400;
  std::uint32_t cycles_per_block_marked = 64;
  std::uint32_t cycles_per_block_swept = 10;
  std::uint32_t cycles_per_collection = 15000;

  std::uint64_t cycles(std::uint64_t blocks_marked, std::uint64_t blocks_swept,
                       std::uint64_t collections) const {
    return blocks_marked * cycles_per_block_marked + blocks_swept * cycles_per_block_swept +
           collections * cycles_per_collection;
  }
  double milliseconds(std::uint64_t n_cycles) const {
    return static_cast<double>(n_cycles) / (static_cast<double>(cpu_mhz) * 1000.0);
  }
  bool operator==(const CostModel&) const = default;
};

}  // namespace gcsim::sweep
