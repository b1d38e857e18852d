#include "report/replay_json.h"

#include "collector/trigger.h"
#include "report/metrics.h"

namespace gcsim {

using json = nlohmann::ordered_json;

void set_dotted(json& object, std::string_view key, const json& value) {
  json* at = &object;
  std::size_t start = 0;
  for (std::size_t dot; (dot = key.find('.', start)) != std::string_view::npos; start = dot + 1) {
    at = &(*at)[std::string(key.substr(start, dot - start))];
  }
  (*at)[std::string(key.substr(start))] = value;
}

namespace {

json geometry_json(const ReplayResult& r) {
  const Layout& l = r.layout;
  const GeometryParams& p = l.params;
  return {{"preset", r.settings.preset},    {"rules", rules_name(p.rules)},
          {"heap_bytes", p.heap_bytes},     {"word_bytes", p.word_bytes},
          {"block_bytes", p.block_bytes},   {"finaliser", p.finaliser},
          {"start_offset", p.start_offset}, {"atb_bytes", l.atb_bytes},
          {"ftb_bytes", l.ftb_bytes},       {"pool_blocks", l.pool_blocks},
          {"pool_bytes", l.pool_bytes}};
}

json settings_json(const ReplayResult& r) {
  const std::uint32_t b = r.layout.params.block_bytes;
  const std::int64_t effective = effective_threshold_bytes(r.settings.threshold_bytes, b);
  return {{"threshold_requested", r.settings.threshold_bytes},
          {"threshold_effective", effective},
          {"threshold_blocks", effective < 0 ? -1 : effective / b},
          {"gc_enabled_at_start", !r.settings.start_disabled}};
}

json summary_json(const ReplaySummary& s) {
  json out = json::object();
  for (const Metric& m : replay_metrics()) {
    std::visit([&](auto v) { set_dotted(out, m.key, v); }, m.value(s));
  }
  return out;
}

json collections_json(const ReplayResult& r) {
  const std::uint64_t b = r.layout.params.block_bytes;
  json out = json::array();
  for (const CollectionEntry& c : r.collections) {
    const CollectionRecord& rec = c.record;
    out.push_back({{"event", c.event},
                   {"cause", cause_name(rec.cause)},
                   {"amount_blocks", rec.amount_blocks},
                   {"threshold_blocks", c.threshold_blocks == Trigger::kDisabled
                                            ? std::int64_t{-1}
                                            : static_cast<std::int64_t>(c.threshold_blocks)},
                   {"mem_alloc_before", rec.used_blocks_before * b},
                   {"mem_alloc_after", rec.used_blocks_after * b},
                   {"objects_freed", rec.heads_freed},
                   {"blocks_freed", rec.blocks_freed},
                   {"max_free_before", rec.largest_free_before * b},
                   {"max_free_after", rec.largest_free_after * b},
                   {"blocks_marked", rec.blocks_marked},
                   {"blocks_swept", rec.blocks_swept}});
  }
  return out;
}

json failures_json(const ReplayResult& r) {
  const std::uint64_t b = r.layout.params.block_bytes;
  json out = json::array();
  for (const FailureRecord& f : r.failures) {
    out.push_back({{"event", f.event},
                   {"id", f.id},
                   {"op", f.realloc ? "realloc" : "alloc"},
                   {"bytes", f.size_bytes},
                   {"blocks", f.n_blocks},
                   {"class", failure_class_name(f.failure_class)},
                   {"mem_free", f.mem_free},
                   {"max_free", f.largest_free_blocks * b}});
  }
  return out;
}

json observations_json(const ReplayResult& r) {
  json out = json::array();
  for (const ObserveEntry& o : r.observations) {
    json row = {{"event", o.event}, {"label", o.label}};
    row["device_mem_alloc"] = o.device_mem_alloc ? json(*o.device_mem_alloc) : json(nullptr);
    row["device_mem_free"] = o.device_mem_free ? json(*o.device_mem_free) : json(nullptr);
    row["mem_alloc"] = o.mem_alloc;
    row["mem_free"] = o.mem_free;
    out.push_back(row);
  }
  return out;
}

}  // namespace

json replay_to_json(const ReplayResult& r, const std::string& trace_path) {
  json out;
  out["schema"] = kReplaySchema;
  out["trace"] = {{"file", trace_path}, {"name", r.header.name}, {"events", r.summary.events}};
  out["geometry"] = geometry_json(r);
  out["settings"] = settings_json(r);
  out["summary"] = summary_json(r.summary);
  out["collections"] = collections_json(r);
  out["failures"] = failures_json(r);
  out["observations"] = observations_json(r);
  json warnings = json::array();
  for (const TraceWarning& w : r.warnings) warnings.push_back(w.message);
  out["warnings"] = warnings;
  return out;
}

}  // namespace gcsim
