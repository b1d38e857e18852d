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
  std::optional<std::string> preset;  // default: the trace's `geometry` hint, else k210
  std::optional<std::uint64_t> heap_size;
  std::optional<std::string> rules;
  std::optional<std::uint32_t> word_bytes;
  std::optional<std::uint32_t> block_bytes;
  std::optional<bool> finaliser;
  std::optional<std::uint32_t> start_offset;

  // Registers --preset (or a positional when `positional_preset`) and the overrides.
  void add_to(CLI::App& cmd, bool positional_preset);
  // The preset (the one given, else `hint` if it names one, else k210) with the overrides
  // applied; throws CLI::ValidationError naming an unknown preset.
  GeometryParams resolve(std::string_view hint = {}) const;
  const Preset& preset_data(std::string_view hint = {}) const;

 private:
  bool preset_positional_ = false;  // `gcsim geometry PRESET`: an error names no --preset
};

}  // namespace gcsim::cli
