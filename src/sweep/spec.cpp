#include "sweep/spec.h"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "text/byte_size.h"
#include "text/quote.h"

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
          "{} and {} are both named {}; a sweep names cells by trace, so names must differ",
          it->second->file, t.file, quote(t.name)));
    }
  }
}

std::string_view prefer_name(Prefer prefer) {
  switch (prefer) {
    case Prefer::gc_time:
      return "gc-time";
    case Prefer::free_run:
      return "free-run";
    case Prefer::heap:
      break;
  }
  return "heap";
}

Prefer parse_prefer(std::string_view text) {
  for (Prefer p : {Prefer::heap, Prefer::gc_time, Prefer::free_run}) {
    if (text == prefer_name(p)) return p;
  }
  throw std::invalid_argument(
      fmt::format("{} is not a goal: heap, gc-time or free-run", quote(text)));
}

std::uint64_t SafetyMargin::bytes_below(std::uint64_t heap_bytes) const {
  if (percent > 0) {
    return static_cast<std::uint64_t>(std::floor(static_cast<double>(heap_bytes) * percent / 100));
  }
  return n_bytes;
}

std::string SafetyMargin::label() const {
  if (percent > 0) return fmt::format("{}%", percent);
  return std::to_string(n_bytes);
}

SafetyMargin parse_safety_margin(std::string_view text) {
  const auto bad = [&] {
    return std::invalid_argument(fmt::format(
        "{} is not a margin: bytes (4096, 4K) or a percentage of the heap (10%)", quote(text)));
  };
  SafetyMargin m;
  if (text.ends_with('%')) {
    const std::string_view number = text.substr(0, text.size() - 1);
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), m.percent);
    if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
        !(m.percent >= 0) || m.percent >= 100) {
      throw bad();
    }
    return m;
  }
  const std::optional<std::uint64_t> bytes = parse_byte_size(text);
  if (!bytes || *bytes > kMaxHeapBytes) throw bad();
  m.n_bytes = *bytes;
  return m;
}

namespace {

// The value `port` stands for on every trace, if they agree.
std::optional<GridValue> port_value(const std::vector<SweepTrace>& traces, GridAxis axis) {
  std::optional<GridValue> value;
  for (const SweepTrace& t : traces) {
    GridValue v{GridKind::bytes, 0};
    if (axis == GridAxis::heap_size) {
      v.n_bytes = t.geometry.heap_bytes;
    } else if (t.port_threshold_bytes < 0) {
      v.kind = GridKind::off;
    } else {
      v.n_bytes = static_cast<std::uint64_t>(t.port_threshold_bytes);
    }
    if (value && !(*value == v)) return std::nullopt;
    value = v;
  }
  return value;
}

void resolve_port(std::vector<GridValue>& list, const std::optional<GridValue>& port) {
  if (!port) return;
  std::vector<GridValue> out;
  for (GridValue v : list) {
    if (v.kind == GridKind::port) v = *port;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  list = std::move(out);
}

}  // namespace

void resolve_port_items(SweepSpec& spec) {
  resolve_port(spec.thresholds, port_value(spec.traces, GridAxis::threshold));
  resolve_port(spec.heap_sizes, port_value(spec.traces, GridAxis::heap_size));
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
