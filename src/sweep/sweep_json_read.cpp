#include "sweep/sweep_json_read.h"

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "sweep/sweep_json.h"
#include "trace/json_builder.h"

namespace gcsim::sweep {
namespace {

using json = nlohmann::json;

// Reads with errors that say where: every accessor names its path inside the file.
class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw std::runtime_error(
        fmt::format("{}: {}{}{}", file_, where, where.empty() ? "" : ": ", what));
  }
  const json& at(const json& object, std::string_view dotted, const std::string& where) const {
    const json* at = &object;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = dotted.find('.', start);
      const std::string part(
          dotted.substr(start, dot == std::string_view::npos ? dotted.npos : dot - start));
      if (!at->is_object() || !at->contains(part)) fail(where, fmt::format("no '{}'", dotted));
      at = &(*at)[part];
      if (dot == std::string_view::npos) return *at;
      start = dot + 1;
    }
  }
  std::uint64_t u64(const json& o, std::string_view key, const std::string& where) const {
    const json& v = at(o, key, where);
    if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<std::int64_t>() < 0)) {
      fail(where, fmt::format("'{}' is not a count", key));
    }
    return v.get<std::uint64_t>();
  }
  std::int64_t i64(const json& o, std::string_view key, const std::string& where) const {
    const json& v = at(o, key, where);
    if (!v.is_number_integer()) fail(where, fmt::format("'{}' is not a whole number", key));
    return v.get<std::int64_t>();
  }
  std::string text(const json& o, std::string_view key, const std::string& where) const {
    const json& v = at(o, key, where);
    if (!v.is_string()) fail(where, fmt::format("'{}' is not a string", key));
    return v.get<std::string>();
  }
  const json& array(const json& o, std::string_view key) const { return array_at(o, key, ""); }
  const json& array_at(const json& o, std::string_view key, const std::string& where) const {
    const json& v = at(o, key, where);
    if (!v.is_array()) fail(where, fmt::format("'{}' is not an array", key));
    return v;
  }
  bool boolean(const json& o, std::string_view key, const std::string& where) const {
    const json& v = at(o, key, where);
    if (!v.is_boolean()) fail(where, fmt::format("'{}' is not true or false", key));
    return v.get<bool>();
  }
  std::optional<std::uint64_t> optional_u64(const json& o, std::string_view key,
                                            const std::string& where) const {
    if (at(o, key, where).is_null()) return std::nullopt;
    return u64(o, key, where);
  }

 private:
  const std::string& file_;
};

std::uint32_t u32(const Reader& in, const json& o, std::string_view key, const std::string& where) {
  const std::uint64_t v = in.u64(o, key, where);
  if (v > UINT32_MAX) in.fail(where, fmt::format("'{}' is too large", key));
  return static_cast<std::uint32_t>(v);
}

SweepTrace read_trace(const Reader& in, const json& t, const std::string& where) {
  SweepTrace out;
  out.name = in.text(t, "name", where);
  out.file = in.text(t, "file", where);
  out.events = in.u64(t, "events", where);
  for (const json& w : in.array_at(t, "warnings", where)) {
    if (!w.is_string()) in.fail(where, "a warning is not a string");
    out.warnings.push_back(w.get<std::string>());
  }
  out.preset = in.text(t, "preset", where);
  const auto rules = rules_from_name(in.text(t, "geometry.rules", where));
  if (!rules) in.fail(where, "unknown geometry.rules");
  out.geometry.rules = *rules;
  out.geometry.word_bytes = u32(in, t, "geometry.word_bytes", where);
  out.geometry.block_bytes = u32(in, t, "geometry.block_bytes", where);
  const json& fin = in.at(t, "geometry.finaliser", where);
  if (!fin.is_boolean()) in.fail(where, "'geometry.finaliser' is not true or false");
  out.geometry.finaliser = fin.get<bool>();
  out.geometry.start_offset = u32(in, t, "geometry.start_offset", where);
  out.geometry.heap_bytes = in.u64(t, "default_heap_bytes", where);
  out.port_threshold_bytes = in.i64(t, "default_threshold", where);
  return out;
}

std::vector<GridValue> read_labels(const Reader& in, const json& doc, std::string_view key,
                                   GridAxis axis) {
  std::vector<GridValue> out;
  for (const json& label : in.array(doc, key)) {
    if (!label.is_string()) in.fail(std::string(key), "a label is not a string");
    try {
      out.push_back(parse_grid_list(label.get<std::string>(), axis).at(0));
    } catch (const GridError& e) {
      in.fail(std::string(key), e.what());
    }
  }
  if (out.empty()) in.fail(std::string(key), "empty");
  return out;
}

SweepSpec read_spec(const Reader& in, const json& doc) {
  SweepSpec spec;
  const json& traces = in.array(doc, "traces");
  for (std::size_t i = 0; i < traces.size(); ++i) {
    spec.traces.push_back(read_trace(in, traces[i], fmt::format("traces[{}]", i)));
  }
  spec.thresholds = read_labels(in, doc, "grid.thresholds", GridAxis::threshold);
  spec.heap_sizes = read_labels(in, doc, "grid.heap_sizes", GridAxis::heap_size);
  spec.min_heap = in.boolean(doc, "grid.min_heap", "");
  spec.min_heap_to = in.optional_u64(doc, "grid.min_heap_to", "");
  try {
    spec.prefer = parse_prefer(in.text(doc, "recommendation.prefer", ""));
    spec.safety_margin = parse_safety_margin(in.text(doc, "recommendation.safety_margin", ""));
  } catch (const std::invalid_argument& e) {
    in.fail("recommendation", e.what());
  }
  spec.cost.cpu_mhz = u32(in, doc, "cost_model.cpu_mhz", "");
  spec.cost.cycles_per_block_marked = u32(in, doc, "cost_model.cycles_per_block_marked", "");
  spec.cost.cycles_per_block_swept = u32(in, doc, "cost_model.cycles_per_block_swept", "");
  spec.cost.cycles_per_collection = u32(in, doc, "cost_model.cycles_per_collection", "");
  spec.k210.sram_bytes = in.u64(doc, "k210_memory.sram_bytes", "");
  spec.k210.firmware_bytes = in.u64(doc, "k210_memory.firmware_bytes", "");
  spec.k210.camera_bytes = in.u64(doc, "k210_memory.camera_bytes", "");
  spec.k210.lcd_bytes = in.u64(doc, "k210_memory.lcd_bytes", "");
  return spec;
}

CellResult read_cell(const Reader& in, const SweepSpec& spec, const json& c,
                     const std::string& where) {
  CellResult cell;
  cell.index = in.u64(c, "index", where);
  const GridShape shape = spec.shape();
  if (cell.index >= shape.cells()) in.fail(where, "index beyond the grid");
  cell.coord = shape.at(cell.index);
  const bool same =
      in.text(c, "trace", where) == spec.traces[cell.coord.trace].name &&
      in.text(c, "threshold", where) == spec.thresholds[cell.coord.threshold].label() &&
      in.text(c, "heap", where) == spec.heap_sizes[cell.coord.heap].label();
  if (!same) in.fail(where, "trace, threshold and heap do not match the cell's index in the grid");
  cell.threshold_requested = in.i64(c, "threshold_requested", where);
  cell.threshold_effective = in.i64(c, "threshold_effective", where);
  cell.heap_bytes = in.u64(c, "heap_bytes", where);
  cell.pool_blocks = in.u64(c, "pool_blocks", where);
  cell.pool_bytes = in.u64(c, "pool_bytes", where);
  const ReplaySummary empty;
  for (const Metric& m : replay_metrics()) {
    if (std::holds_alternative<std::uint64_t>(m.value(empty))) {
      cell.metrics.emplace_back(in.u64(c, m.key, where));
    } else {
      const json& v = in.at(c, m.key, where);
      if (!v.is_number()) in.fail(where, fmt::format("'{}' is not a number", m.key));
      cell.metrics.emplace_back(v.get<double>());
    }
  }
  const json& margin = in.at(c, "margin", where);
  if (!margin.is_null()) {
    MarginCheck m;
    m.from_bytes = in.u64(margin, "from_bytes", where + ".margin");
    m.holds = in.boolean(margin, "holds", where + ".margin");
    m.fails_at_bytes = in.optional_u64(margin, "fails_at_bytes", where + ".margin");
    m.replays = u32(in, margin, "replays", where + ".margin");
    cell.margin = m;
  }
  return cell;
}

MinHeapResult read_min_heap(const Reader& in, const SweepSpec& spec, const json& m,
                            const std::string& where) {
  MinHeapResult out;
  out.index = in.u64(m, "index", where);
  if (out.index >= spec.traces.size() * spec.thresholds.size()) {
    in.fail(where, "index beyond the grid");
  }
  out.trace = out.index / spec.thresholds.size();
  out.threshold = out.index % spec.thresholds.size();
  out.heap_bytes = in.optional_u64(m, "heap_bytes", where);
  out.pool_blocks = in.u64(m, "pool_blocks", where);
  out.smallest_passing_bytes = in.optional_u64(m, "smallest_passing_bytes", where);
  out.searched_from_bytes = in.u64(m, "searched_from_bytes", where);
  out.searched_to_bytes = in.u64(m, "searched_to_bytes", where);
  out.replays = u32(in, m, "replays", where);
  const json& islands = in.array_at(m, "islands", where);
  for (std::size_t i = 0; i < islands.size(); ++i) {
    const std::string at = fmt::format("{}.islands[{}]", where, i);
    HeapRun run;
    run.from_bytes = in.u64(islands[i], "from_bytes", at);
    run.to_bytes = in.u64(islands[i], "to_bytes", at);
    run.passes = in.boolean(islands[i], "passes", at);
    run.failures.capacity = u32(in, islands[i], "failures.capacity", at);
    run.failures.fragmentation = u32(in, islands[i], "failures.fragmentation", at);
    run.failures.disabled = u32(in, islands[i], "failures.disabled", at);
    out.islands.push_back(run);
  }
  return out;
}

// Checks that indexes rise: each cell once, in the grid's order.
template <typename T>
void check_ascending(const Reader& in, const std::vector<T>& items, std::string_view what) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    if (items[i].index <= items[i - 1].index) {
      in.fail(fmt::format("{}[{}]", what, i), "index not above the one before");
    }
  }
}

GateSettings read_gate_settings(const Reader& in, const json& gate) {
  GateSettings g;
  const json& baseline = in.at(gate, "baseline", "gate");
  if (!baseline.is_null()) g.baseline_file = in.text(gate, "baseline", "gate");
  g.tolerance = in.text(gate, "tolerance", "gate");
  g.allow_missing_baseline = in.boolean(gate, "allow_missing_baseline", "gate");
  const json& budgets = in.at(gate, "budgets", "gate");
  if (!budgets.is_object()) in.fail("gate", "'budgets' is not an object");
  for (const auto& [name, fields] : budgets.items()) {
    const std::string where = "gate.budgets." + name;
    if (!fields.is_object()) in.fail(where, "not an object");
    Budget& b = g.budgets[name];
    for (const BudgetField& f : budget_fields()) {
      if (fields.contains(f.key)) b.*f.field = in.u64(fields, f.key, where);
    }
  }
  return g;
}

}  // namespace

SweepFile sweep_file_from_json(const json& doc, const std::string& file) {
  SweepFile out;
  out.result = sweep_from_json(doc, file);
  const json& gate = doc.at("gate");
  if (!gate.is_null()) out.gate = read_gate_settings(Reader(file), gate);
  return out;
}

SweepResult sweep_from_json(const json& doc, const std::string& file) {
  const Reader in(file);
  if (!doc.is_object() || !doc.contains("schema") || doc["schema"] != kSweepSchema) {
    const std::string got =
        doc.is_object() && doc.contains("schema") ? doc["schema"].dump().substr(0, 100) : "none";
    in.fail("", fmt::format("schema is {}, want \"{}\"", got, kSweepSchema));
  }
  SweepResult r;
  r.spec = read_spec(in, doc);
  const json& shard = in.at(doc, "shard", "");
  if (!shard.is_null()) {
    r.shard = Shard{u32(in, shard, "index", "shard"), u32(in, shard, "count", "shard")};
    if (r.shard->count == 0 || r.shard->index == 0 || r.shard->index > r.shard->count) {
      in.fail("shard", "index not within 1..count");
    }
  }
  const json& cells = in.array(doc, "cells");
  for (std::size_t i = 0; i < cells.size(); ++i) {
    r.cells.push_back(read_cell(in, r.spec, cells[i], fmt::format("cells[{}]", i)));
  }
  check_ascending(in, r.cells, "cells");
  in.at(doc, "gate", "");  // read by sweep_file_from_json
  const json& min_heaps = in.array(doc, "min_heap");
  for (std::size_t i = 0; i < min_heaps.size(); ++i) {
    r.min_heaps.push_back(read_min_heap(in, r.spec, min_heaps[i], fmt::format("min_heap[{}]", i)));
  }
  check_ascending(in, r.min_heaps, "min_heap");
  return r;
}

namespace {

json parse_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  return parse_json_document(in, path);
}

}  // namespace

SweepResult read_sweep_json(const std::string& path) {
  return sweep_from_json(parse_file(path), path);
}

SweepFile read_sweep_file(const std::string& path) {
  return sweep_file_from_json(parse_file(path), path);
}

}  // namespace gcsim::sweep
