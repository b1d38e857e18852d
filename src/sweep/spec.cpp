#include "sweep/spec.h"

#include <fmt/format.h>
#include <map>

namespace gcsim::sweep {

std::string trace_name(const TraceHeader& header, const std::string& file) {
  if (!header.name.empty()) return header.name;
  std::string stem = file.substr(file.find_last_of('/') + 1);
  for (std::string_view ending : {".gz", ".jsonl", ".json"}) {
    if (stem.size() > ending.size() && stem.ends_with(ending)) {
      stem.resize(stem.size() - ending.size());
    }
  }
  return stem;
}

void check_trace_names(const std::vector<SweepTrace>& traces) {
  std::map<std::string, const SweepTrace*> seen;
  for (const SweepTrace& t : traces) {
    const auto [it, inserted] = seen.emplace(t.name, &t);
    if (!inserted) {
      throw std::invalid_argument(fmt::format(
          "{} and {} are both named '{}'; a sweep names cells by trace, so names must differ",
          it->second->file, t.file, t.name));
    }
  }
}

ReplaySettings cell_settings(const SweepTrace& trace, const GridValue& threshold,
                             std::uint64_t heap_bytes) {
  ReplaySettings s;
  s.preset = trace.preset;
  s.geometry = trace.geometry;
  s.geometry.heap_bytes = heap_bytes;
  s.threshold_bytes =
      resolve_threshold(threshold, layout_for(s.geometry), trace.port_threshold_bytes);
  s.limits = trace.limits;
  return s;
}

}  // namespace gcsim::sweep
