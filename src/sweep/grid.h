// The value lists of a sweep grid: LIST in `gcsim sweep --thresholds LIST --heap-sizes LIST`.
//
//   4096,8192,512K,1M    values in bytes (K = 1,024, M = 1,048,576)
//   1024..65536*2        geometric: 1024, 2048, 4096, …, 65536 (factor ≥ 2; the end only if hit)
//   1024..8192+1024      linear: 1024, 2048, 3072, …, 8192 (step > 0)
//   off, -1              thresholds only: gc.threshold(-1), no threshold collections
//   quarter              thresholds only: the folklore gc.mem_free()//4 + gc.mem_alloc() taken on
//                        the empty heap of each cell's geometry, i.e. pool bytes / 4
//   port                 the preset's default threshold or heap size
//
// Items keep the order given; an item repeated (as written or as the same bytes) is dropped.
// Named values stay named here and are resolved per cell, since they depend on its geometry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "heap/geometry.h"

namespace gcsim::sweep {

enum class GridKind : std::uint8_t { bytes, off, quarter, port };

struct GridValue {
  GridKind kind = GridKind::bytes;
  std::uint64_t n_bytes = 0;  // kind bytes only

  // How reports, JSON and baselines name the setting: "4096", "off", "quarter", "port".
  std::string label() const;
  bool operator==(const GridValue&) const = default;
};

enum class GridAxis : std::uint8_t { threshold, heap_size };

inline constexpr std::size_t kMaxGridValues = 1024;  // per list
inline constexpr std::uint64_t kMaxThresholdBytes = std::uint64_t{1} << 40;

// A bad list: the message names the item and what is wrong with it.
class GridError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Parses LIST for one axis. Throws GridError.
std::vector<GridValue> parse_grid_list(std::string_view text, GridAxis axis);

// The bytes passed to gc.threshold() in a cell with this layout (−1 for off).
std::int64_t resolve_threshold(const GridValue& value, const Layout& layout,
                               std::int64_t port_threshold_bytes);
// The heap bytes of a cell; `port` is the preset's default heap.
std::uint64_t resolve_heap_bytes(const GridValue& value, std::uint64_t port_heap_bytes);

}  // namespace gcsim::sweep
