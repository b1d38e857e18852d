// The options every command that builds a heap shares: a preset and the overrides of its
// fields (heap size, rules version, word and block size, finaliser table, start alignment).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "heap/geometry.h"

namespace gcsim::cli {

struct GeometryOptions {
  std::string preset = "k210";
  std::optional<std::uint64_t> heap_size;
  std::optional<std::string> rules;
  std::optional<std::uint32_t> word_bytes;
  std::optional<std::uint32_t> block_bytes;
  std::optional<bool> finaliser;
  std::optional<std::uint32_t> start_offset;

  // Registers --preset (or a positional when `positional_preset`) and the overrides.
  void add_to(CLI::App& cmd, bool positional_preset);
  // The preset with the overrides applied; throws CLI::ValidationError naming the bad option.
  GeometryParams resolve() const;
  const Preset& preset_data() const;
};

}  // namespace gcsim::cli
