// `gcsim heapmap TRACE --at EVENT|peak|end|fail:K|mark:LABEL[#K] [replay options]
//  [--pool-address HEX] [-o FILE] [--svg FILE]`: the heap at one point of a replay, as
// micropython.mem_info(1) prints it (report/heap_map/mem_info.h), and optionally as an SVG tile
// picture.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace gcsim::cli {

void add_heapmap_command(CLI::App& app, int& exit_code);

// --pool-address HEX (with or without 0x), shared with `gcsim report`: the address the map's
// `GC memory layout; from …:` header prints.
void add_pool_address_option(CLI::App& cmd, std::optional<std::string>& text);
// Nothing for no text; throws CLI::ValidationError for text that is not hex.
std::optional<std::uint64_t> parse_pool_address(const std::optional<std::string>& text);

}  // namespace gcsim::cli
