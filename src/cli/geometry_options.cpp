#include "cli/geometry_options.h"

#include <fmt/format.h>

#include "cli/option_checks.h"
#include "text/quote.h"

namespace gcsim::cli {

void GeometryOptions::add_to(CLI::App& cmd, bool positional_preset) {
  preset_positional_ = positional_preset;
  const std::string help = "port preset (" + preset_names() + ")";
  if (positional_preset) {
    cmd.add_option("preset", preset, help + "; default k210");
  } else {
    cmd.add_option("--preset", preset, help + "; default: the trace's geometry, else k210");
  }
  cmd.add_option("--heap-size", heap_size,
                 "heap bytes the port passes to gc_init, at most 4 GiB (524288, 512K, 512KiB, "
                 "3M, 0x80000; K = 1024)")
      ->transform(byte_size_transform())
      ->check(whole_number(1, kMaxHeapBytes));
  cmd.add_option("--rules", rules, "py/gc.c rules: v1.11 (up to v1.19.1) or v1.20 (v1.20.0+)")
      ->check(CLI::IsMember({"v1.11", "v1.20", "latest"}));
  cmd.add_option("--word-bytes", word_bytes, "BYTES_PER_WORD")->check(CLI::IsMember({4, 8}));
  cmd.add_option("--block-bytes", block_bytes, "MICROPY_BYTES_PER_GC_BLOCK")
      ->check(CLI::Range(4, 1024));
  cmd.add_option("--finaliser", finaliser, "MICROPY_ENABLE_FINALISER (true/false)");
  cmd.add_option("--start-offset", start_offset, "heap start address modulo the block size");
}

const Preset& GeometryOptions::preset_data(std::string_view hint) const {
  if (preset) {
    const Preset* p = find_preset(*preset);
    if (!p) {
      const std::string why =
          fmt::format("unknown preset {} (presets: {})", quote(*preset), preset_names());
      if (preset_positional_) throw CLI::ValidationError(why);
      throw CLI::ValidationError("--preset", why);
    }
    return *p;
  }
  const Preset* from_hint = find_preset(hint);
  return from_hint ? *from_hint : *find_preset("k210");
}

GeometryParams GeometryOptions::resolve(std::string_view hint) const {
  GeometryParams g = preset_data(hint).params;
  if (heap_size) g.heap_bytes = *heap_size;
  if (rules) g.rules = *rules_from_name(*rules);
  if (word_bytes) g.word_bytes = *word_bytes;
  if (block_bytes) g.block_bytes = *block_bytes;
  if (finaliser) g.finaliser = *finaliser;
  if (start_offset) g.start_offset = *start_offset;
  return g;
}

}  // namespace gcsim::cli
