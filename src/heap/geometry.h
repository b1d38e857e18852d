// Heap geometry: how a port's heap bytes split into the allocation table (ATB), the finaliser
// table (FTB) and the pool of blocks — the arithmetic of gc_init (v1.11) and gc_setup_area
// (v1.20+), docs/collector.md §1 — and the named port presets.
//
//   start                                                     aligned end
//   | ATB (A bytes) | gap (v1.20+: 1 byte) | FTB (F bytes) | slack | pool: N = 4·A blocks of B |
//
// The end is rounded down to a multiple of B; the start is not moved, so T (the usable bytes)
// depends on the start address modulo B (`start_offset`). The pool sits flush against the end.
// Standard library only: nothing here knows of JSON, files or the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gcsim {

// Which py/gc.c rules apply. v1.11 covers v1.10 … v1.19.1 (MaixPy's core); v1.20 covers
// v1.20.0 and later (the spare byte after the ATB; new heap-map offsets).
enum class RulesVersion : std::uint8_t { v1_11, v1_20 };

std::string_view rules_name(RulesVersion rules);  // "v1.11" / "v1.20"
std::optional<RulesVersion> rules_from_name(std::string_view name);

struct GeometryParams {
  std::uint64_t heap_bytes = 0;    // H: end − start as the port passes it to gc_init
  std::uint32_t word_bytes = 8;    // BYTES_PER_WORD
  std::uint32_t block_bytes = 32;  // MICROPY_BYTES_PER_GC_BLOCK
  bool finaliser = true;           // MICROPY_ENABLE_FINALISER: an FTB exists
  RulesVersion rules = RulesVersion::v1_11;
  std::uint32_t start_offset = 0;  // heap start address modulo block_bytes (0 = aligned)
};

struct Layout {
  GeometryParams params;
  std::uint64_t usable_bytes = 0;  // T = align_down(start + H, B) − start
  std::uint64_t atb_bytes = 0;     // A
  std::uint64_t gap_bytes = 0;     // g: 1 from v1.20, else 0
  std::uint64_t ftb_bytes = 0;     // F = ceil(A / 2), 0 without finaliser
  std::uint64_t pool_blocks = 0;   // N = 4·A
  std::uint64_t pool_bytes = 0;    // P = N·B = gc.mem_free() of an empty heap
  std::uint64_t pool_offset = 0;   // bytes from the heap start to the pool start (T − P)
  std::uint64_t slack_bytes = 0;  // T − A − g − F − P: unused bytes between tables and pool
};

// Larger heaps are refused: no port has one, and block numbers then fit in 32 bits.
inline constexpr std::uint64_t kMaxHeapBytes = std::uint64_t{1} << 32;  // 4 GiB

// The gc_init arithmetic. Returns nothing when the parameters make no heap (block size not a
// positive multiple of the word size, start_offset ≥ block size, or too few bytes for one
// ATB byte, or a heap over kMaxHeapBytes).
std::optional<Layout> compute_layout(const GeometryParams& params);

// A port preset: named data. Its GeometryParams name the mpconfig macros they stand for
// (BYTES_PER_WORD, MICROPY_BYTES_PER_GC_BLOCK, …); the table in geometry.cpp says where each
// preset's values come from.
struct Preset {
  std::string_view name;
  std::string_view description;
  GeometryParams params;                 // with the port's default heap size
  std::int64_t default_threshold_bytes;  // gc.threshold() after boot; −1 = disabled
  std::string_view heap_setting;         // the firmware's build setting for the heap size, if any
};

std::span<const Preset> presets();
const Preset* find_preset(std::string_view name);
std::string preset_names();  // "k210, wasm32", for errors and help

}  // namespace gcsim
