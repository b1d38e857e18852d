#include "heap/geometry.h"

#include <array>

namespace gcsim {
namespace {

constexpr std::array<Preset, 2> kPresets = {{
    {"k210",
     "Kendryte K210, MaixPy v0.4.0-v0.6.3 (MicroPython core v1.11-64-gced340d7)",
     // BYTES_PER_WORD 8 (RV64), MICROPY_BYTES_PER_GC_BLOCK 4·8, MICROPY_ENABLE_FINALISER 1
     {524288, 8, 32, true, RulesVersion::v1_11, 0},
     -1,
     "CONFIG_MAIXPY_GC_HEAP_SIZE"},
    {"wasm32",
     "MicroPython 1.27.0 webassembly (npm @micropython/micropython-webassembly-pyscript)",
     // 32-bit words, 16-byte blocks, finaliser on, heap start 16-aligned
     {1048576, 4, 16, true, RulesVersion::v1_20, 0},
     16384,
     {}},
}};

}  // namespace

std::string_view rules_name(RulesVersion rules) {
  return rules == RulesVersion::v1_11 ? "v1.11" : "v1.20";
}

std::optional<RulesVersion> rules_from_name(std::string_view name) {
  if (name == "v1.11") return RulesVersion::v1_11;
  if (name == "v1.20" || name == "v1.20+" || name == "latest") return RulesVersion::v1_20;
  return std::nullopt;
}

std::optional<Layout> compute_layout(const GeometryParams& p) {
  if (p.word_bytes == 0 || p.block_bytes == 0 || p.block_bytes % p.word_bytes != 0) return {};
  if (p.start_offset >= p.block_bytes) return {};
  if (p.heap_bytes > kMaxHeapBytes) return {};
  const std::uint64_t b = p.block_bytes;
  // docs/collector.md §1.1 step 1: the end address is rounded down to a multiple of B, the start is
  // not.
  const std::uint64_t end = p.start_offset + p.heap_bytes;
  const std::uint64_t aligned_end = end - end % b;
  if (aligned_end <= p.start_offset) return {};
  Layout l;
  l.params = p;
  l.usable_bytes = aligned_end - p.start_offset;
  l.gap_bytes = p.rules == RulesVersion::v1_20 ? 1 : 0;  // 9f434dd8de, v1.20.0
  if (l.usable_bytes <= l.gap_bytes) return {};
  const std::uint64_t t = l.usable_bytes - l.gap_bytes;
  // docs/collector.md §1.2, in bits: each ATB byte covers 4 blocks, i.e. 8 ATB bits + 4 FTB bits +
  // 4·8·B pool bits.
  l.atb_bytes = p.finaliser ? (8 * t) / (12 + 32 * b) : t / (1 + 4 * b);
  if (l.atb_bytes == 0) return {};
  l.ftb_bytes = p.finaliser ? (l.atb_bytes + 1) / 2 : 0;
  l.pool_blocks = 4 * l.atb_bytes;
  l.pool_bytes = l.pool_blocks * b;
  l.pool_offset = l.usable_bytes - l.pool_bytes;
  l.slack_bytes = l.pool_offset - l.atb_bytes - l.gap_bytes - l.ftb_bytes;
  return l;
}

std::span<const Preset> presets() { return kPresets; }

const Preset* find_preset(std::string_view name) {
  for (const Preset& p : kPresets) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string preset_names() {
  std::string names;
  for (const Preset& p : presets()) names += (names.empty() ? "" : ", ") + std::string(p.name);
  return names;
}

}  // namespace gcsim
