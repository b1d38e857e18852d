#include "report/heap_map/mem_info.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace gcsim {
namespace {

// gc.c calls it DUMP_BYTES_PER_LINE, but it counts blocks.
constexpr std::size_t kBlocksPerLine = 64;

// The line header "\n<offset>: " (docs/collector.md §9): v1.11–v1.19.1 print the byte offset
// masked to 20 bits as %05x (so it wraps above 1 MiB: a 3 MiB heap shows f7000:); v1.20.0+
// print the (uint) offset as %08x.
std::string line_header(std::uint64_t offset_bytes, RulesVersion rules) {
  if (rules == RulesVersion::v1_11) return fmt::format("\n{:05x}: ", offset_bytes & 0xfffffu);
  return fmt::format("\n{:08x}: ", offset_bytes & 0xffffffffu);
}

}  // namespace

std::uint64_t default_pool_address(const Layout& layout) {
  return kDefaultHeapAddress + layout.params.start_offset + layout.pool_offset;
}

HeapMapFormat heap_map_format(const Layout& layout, std::optional<std::uint64_t> pool_address) {
  return {layout.params.rules, layout.params.block_bytes,
          pool_address.value_or(default_pool_address(layout))};
}

std::string block_letters(const BlockTable& table, const Program* program) {
  std::string letters(table.size(), '.');
  for (std::uint32_t b = 0; b < table.size(); ++b) {
    switch (table.kind(BlockIndex(b))) {
      case BlockKind::free:
        break;
      case BlockKind::tail:
        letters[b] = '=';
        break;
      case BlockKind::mark:
        letters[b] = 'm';
        break;
      case BlockKind::head: {
        const Program::Object* owner = program ? program->owner(BlockIndex(b)) : nullptr;
        letters[b] = owner ? owner->type_letter : 'h';
        break;
      }
    }
  }
  return letters;
}

void write_gc_info(std::ostream& out, const HeapInfo& info) {
  fmt::print(out, "GC: total: {}, used: {}, free: {}\n", info.total, info.used, info.free);
  fmt::print(out, " No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
             info.num_1block, info.num_2block, info.max_block, info.max_free);
}

// A line-for-line port of gc_dump_alloc_table (gc.c v1.11; v1.20+ per area, one area here).
void write_alloc_table(std::ostream& out, std::string_view letters, const HeapMapFormat& format) {
  const std::size_t n_blocks = letters.size();
  std::string text = fmt::format("GC memory layout; from {:x}:", format.pool_address);
  for (std::size_t bl = 0; bl < n_blocks; ++bl) {
    if (bl % kBlocksPerLine == 0) {
      std::size_t bl2 = bl;
      while (bl2 < n_blocks && letters[bl2] == '.') ++bl2;
      if (bl2 - bl >= 2 * kBlocksPerLine) {
        text += fmt::format("\n       ({} lines all free)", (bl2 - bl) / kBlocksPerLine);
        bl = bl2 & ~(kBlocksPerLine - 1);
        if (bl >= n_blocks) break;
      }
      text += line_header(bl * format.block_bytes, format.rules);
    }
    text += letters[bl];
  }
  text += '\n';
  out << text;
}

void write_heap_map(std::ostream& out, const HeapInfo& info, std::string_view letters,
                    const HeapMapFormat& format) {
  write_gc_info(out, info);
  write_alloc_table(out, letters, format);
}

}  // namespace gcsim
