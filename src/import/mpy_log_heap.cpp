#include "import/mpy_log_heap.h"

#include <fmt/format.h>

#include "trace/trace_error.h"

namespace gcsim {
namespace {

// The logged tables and pool, as compute_layout would give them; what differs, or "".
std::string layout_difference(const MpyLogHeap& h, const Layout& l) {
  std::string diff;
  auto check = [&diff](std::string_view what, std::uint64_t logged, std::uint64_t computed) {
    if (logged != computed) {
      diff += fmt::format("{}{} {} (gcsim computes {})", diff.empty() ? "" : ", ", what, logged,
                          computed);
    }
  };
  check("alloc table offset", h.atb_address - h.start_address, 0);
  check("alloc table bytes", h.atb_bytes, l.atb_bytes);
  check("finaliser table bytes", h.ftb_bytes, l.ftb_bytes);
  if (h.ftb_address != 0) {
    check("finaliser table offset", h.ftb_address - h.start_address, l.atb_bytes + l.gap_bytes);
  }
  check("pool blocks", h.pool_blocks, l.pool_blocks);
  check("pool offset", h.pool_address - h.start_address, l.pool_offset);
  return diff;
}

std::string preset_matching(const GeometryParams& g) {
  for (const Preset& p : presets()) {
    const GeometryParams& q = p.params;
    if (q.word_bytes == g.word_bytes && q.block_bytes == g.block_bytes &&
        q.finaliser == g.finaliser && q.rules == g.rules) {
      return std::string(p.name);
    }
  }
  return {};
}

}  // namespace

void MpyLogHeapReader::take(const LogLine& line, std::uint64_t line_number) {
  switch (line.shape) {
    case LineShape::heap_init:
      heap_init_ = line;
      heap_init_line_ = line_number;
      break;
    case LineShape::alloc_table:
      alloc_table_ = line;
      break;
    case LineShape::finaliser_table:
      finaliser_table_ = line;
      break;
    case LineShape::pool:
      pool_ = line;
      break;
    default:
      break;
  }
}

std::string MpyLogHeapReader::misplaced(std::uint64_t address) const {
  if (!pool_ || pool_->n_blocks == 0) return "";
  const std::uint64_t start = pool_->ptr, bytes = pool_->n_bytes;
  if (address < start || address - start >= bytes) {
    return fmt::format("{:x} is outside the pool {:x}..{:x}", address, start, start + bytes);
  }
  const std::uint64_t block = bytes / pool_->n_blocks;  // 0 for a garbled pool line (fuzzed)
  if (block != 0 && (address - start) % block != 0) {
    return fmt::format("{:x} is not on a {}-byte block boundary of the pool at {:x}", address,
                       block, start);
  }
  return "";
}

MpyLogHeap MpyLogHeapReader::finish(const std::string& log_name) const {
  auto missing = [&log_name](std::string_view what) {
    return TraceError({.file = log_name,
                       .rule = "no-heap-layout",
                       .detail = fmt::format("the log has no `{}` line (gc_init prints it when "
                                             "MicroPython starts; capture the log from start-up)",
                                             what)});
  };
  if (!heap_init_) throw missing("Initializing GC heap: S..E = T bytes");
  if (!alloc_table_) throw missing("  alloc table at P, length A bytes, N blocks");
  if (!pool_) throw missing("  pool at P, length P bytes, N blocks");

  MpyLogHeap h;
  h.start_address = heap_init_->ptr;
  h.end_address = heap_init_->new_ptr;
  h.usable_bytes = heap_init_->n_bytes;
  h.atb_address = alloc_table_->ptr;
  h.atb_bytes = alloc_table_->n_bytes;
  if (finaliser_table_) {
    h.ftb_address = finaliser_table_->ptr;
    h.ftb_bytes = finaliser_table_->n_bytes;
  }
  h.pool_address = pool_->ptr;
  h.pool_bytes = pool_->n_bytes;
  h.pool_blocks = pool_->n_blocks;

  auto mismatch = [&](const std::string& detail) {
    return TraceError({.file = log_name,
                       .line = heap_init_line_,
                       .rule = "heap-layout-mismatch",
                       .detail = detail});
  };
  if (h.pool_blocks == 0 || h.pool_bytes % h.pool_blocks != 0) {
    throw mismatch(fmt::format("pool of {} bytes is not a whole number of its {} blocks",
                               h.pool_bytes, h.pool_blocks));
  }
  const std::uint64_t block_bytes = h.pool_bytes / h.pool_blocks;
  if (block_bytes == 0 || block_bytes % 4 != 0 || h.end_address < h.start_address ||
      h.end_address - h.start_address != h.usable_bytes || h.pool_address < h.start_address ||
      h.pool_address > h.end_address || h.atb_address < h.start_address ||
      (finaliser_table_ && h.ftb_address < h.start_address)) {
    throw mismatch(
        fmt::format("heap {:x}..{:x} = {} bytes with a pool at {:x} of {}-byte blocks "
                    "is not a gc_init layout",
                    h.start_address, h.end_address, h.usable_bytes, h.pool_address, block_bytes));
  }
  GeometryParams g;
  g.heap_bytes = h.usable_bytes;
  g.block_bytes = static_cast<std::uint32_t>(block_bytes);
  g.word_bytes = g.block_bytes / 4;
  g.finaliser = finaliser_table_.has_value();
  g.start_offset = static_cast<std::uint32_t>(h.start_address % block_bytes);

  std::string first_difference;
  for (RulesVersion rules : {RulesVersion::v1_11, RulesVersion::v1_20}) {
    g.rules = rules;
    const auto layout = compute_layout(g);
    const std::string diff = layout ? layout_difference(h, *layout) : std::string("no heap at all");
    if (diff.empty()) {
      h.geometry = g;
      h.preset = preset_matching(g);
      return h;
    }
    if (first_difference.empty()) first_difference = diff;
  }
  throw mismatch(fmt::format(
      "heap size {} at start offset {} with {}-byte blocks does not give the logged layout "
      "(v1.11 rules: {})",
      g.heap_bytes, g.start_offset, block_bytes, first_difference));
}

}  // namespace gcsim
