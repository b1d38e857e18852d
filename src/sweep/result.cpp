#include "sweep/result.h"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>

#include "text/number_format.h"

namespace gcsim::sweep {

const CellResult& cell_with_index(const SweepResult& result, std::size_t index) {
  const auto it = std::lower_bound(result.cells.begin(), result.cells.end(), index,
                                   [](const CellResult& c, std::size_t i) { return c.index < i; });
  if (it == result.cells.end() || it->index != index) {
    throw std::out_of_range("no cell " + std::to_string(index));
  }
  return *it;
}

std::size_t metric_position(std::string_view key) {
  const auto metrics = replay_metrics();
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (metrics[i].key == key) return i;
  }
  throw std::logic_error("no metric " + std::string(key));
}

std::uint64_t count_of(const CellResult& cell, std::string_view key) {
  return std::get<std::uint64_t>(cell.metrics.at(metric_position(key)));
}

double ratio_of(const CellResult& cell, std::string_view key) {
  return std::get<double>(cell.metrics.at(metric_position(key)));
}

std::uint64_t gc_cycles(const SweepSpec& spec, const CellResult& cell) {
  return spec.cost.cycles(count_of(cell, "gc_work.blocks_marked"),
                          count_of(cell, "gc_work.blocks_swept"),
                          count_of(cell, "collections.total"));
}

std::string setting_name(const SweepSpec& spec, const CellResult& cell) {
  return "threshold=" + spec.thresholds[cell.coord.threshold].label() +
         " heap=" + spec.heap_sizes[cell.coord.heap].label();
}

std::string metric_text(const MetricValue& value) {
  if (const auto* n = std::get_if<std::uint64_t>(&value)) return grouped(*n);
  return fmt::format("{:.4f}", std::get<double>(value));
}

}  // namespace gcsim::sweep
