// Heap maps in MicroPython's own text: what micropython.mem_info(1) prints after its mem: and
// stack: lines (gc_dump_info, then gc_dump_alloc_table; docs/collector.md §9). A v1.11 map of
// a 128 KiB heap:
//
//   GC: total: 129536, used: 3328, free: 126208
//    No. of 1-blocks: 32, 2-blocks: 3, max blk sz: 15, max free sz: 3744
//   GC memory layout; from 5555555be8c0:
//   00000: h=ShhSh===h=====hBABhh==hhBBhS...hSST=h.Sh========..............
//   00800: .hh........h===h................................................
//          (58 lines all free)
//   1f800: ................
//
// The map is drawn from one character per block (block_letters): '.' FREE, '=' TAIL, 'm' MARK,
// and for a HEAD the type letter of the object that starts there (T L D S A F B M), 'h' when
// the trace gave no type. Left out: the mem: line (malloc.c's byte counters) and the stack:
// line, which no replay knows.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "collector/heap_info.h"
#include "heap/block_table.h"
#include "heap/geometry.h"
#include "replay/program.h"

namespace gcsim {

struct HeapMapFormat {
  RulesVersion rules = RulesVersion::v1_11;  // v1.11: %05x offsets masked to 1 MiB; v1.20: %08x
  std::uint32_t block_bytes = 32;
  std::uint64_t pool_address = 0;  // printed by the header's %p
};

// A made-up but K210-like heap start (SRAM at 0x80000000) plus the start offset, so the pool
// address is consistent with the layout: kDefaultHeapAddress + start_offset + pool_offset.
inline constexpr std::uint64_t kDefaultHeapAddress = 0x80300000;
std::uint64_t default_pool_address(const Layout& layout);

// The format for a layout; the pool address is `pool_address` if given, else the default.
HeapMapFormat heap_map_format(const Layout& layout, std::optional<std::uint64_t> pool_address = {});

// One character per block. Without a program every HEAD is 'h'.
std::string block_letters(const BlockTable& table, const Program* program);

// gc_dump_info's two lines.
void write_gc_info(std::ostream& out, const HeapInfo& info);
// gc_dump_alloc_table: the header, 64 blocks a line, runs of ≥ 2 free lines elided.
void write_alloc_table(std::ostream& out, std::string_view letters, const HeapMapFormat& format);
// Both, as mem_info(1) prints them.
void write_heap_map(std::ostream& out, const HeapInfo& info, std::string_view letters,
                    const HeapMapFormat& format);

}  // namespace gcsim
