#include "report/html/tables.h"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <string>

#include "report/metrics.h"
#include "report/svg/palette.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

std::string metric_value(const Metric& m, const MetricValue& v) {
  if (m.unit == "ratio") return percent(as_double(v));
  const std::uint64_t n = std::get<std::uint64_t>(v);
  if (m.unit == "bytes") return fmt::format("{} ({})", grouped(n), human_bytes(n));
  return grouped(n);
}

std::string before_after(std::uint64_t before, std::uint64_t after) {
  return grouped(before) + " → " + grouped(after);
}

void cut_note(std::ostream& out, std::size_t rows) {
  if (rows > kMaxTableRows) {
    fmt::print(out,
               "<p class=\"note\">The first {} of {} rows; gcsim replay --json lists all.</p>\n",
               grouped(std::uint64_t{kMaxTableRows}), grouped(std::uint64_t{rows}));
  }
}

}  // namespace

void write_metrics_table(std::ostream& out, const ReplaySummary& summary) {
  out << "<table class=\"metrics\">\n<tr><th class=\"text\">metric</th><th>value</th>"
         "<th class=\"text\">unit</th><th class=\"text\">key</th></tr>\n";
  for (const Metric& m : replay_metrics()) {
    fmt::print(out,
               "<tr><td class=\"text\">{}</td><td>{}</td><td class=\"text\">{}</td>"
               "<td class=\"text\"><code>{}</code></td></tr>\n",
               xml_escape(m.label), xml_escape(metric_value(m, m.value(summary))),
               xml_escape(m.unit), xml_escape(m.key));
  }
  out << "</table>\n";
}

void write_collection_table(std::ostream& out, const ReplayResult& result) {
  if (result.collections.empty()) {
    out << "<p>No collection ran.</p>\n";
    return;
  }
  const std::uint64_t b = result.layout.params.block_bytes;
  out << "<table class=\"collections\">\n<tr><th>#</th><th>event</th><th class=\"text\">cause</th>"
         "<th>mem_alloc before → after (bytes)</th><th>objects freed</th><th>blocks freed</th>"
         "<th>largest free run before → after (bytes)</th></tr>\n";
  for (std::size_t i = 0; i < result.collections.size() && i < kMaxTableRows; ++i) {
    const CollectionEntry& c = result.collections[i];
    const CollectionRecord& r = c.record;
    fmt::print(out,
               "<tr class=\"collection-row\"><td>{}</td><td>{}</td>"
               "<td class=\"text cause\" style=\"color:{}\">{}</td><td>{}</td><td>{}</td>"
               "<td>{}</td><td>{}</td></tr>\n",
               i + 1, grouped(c.event), palette::cause(r.cause), cause_name(r.cause),
               before_after(r.used_blocks_before * b, r.used_blocks_after * b),
               grouped(std::uint64_t{r.heads_freed}), grouped(std::uint64_t{r.blocks_freed}),
               before_after(r.largest_free_before * b, r.largest_free_after * b));
  }
  out << "</table>\n";
  cut_note(out, result.collections.size());
}

void write_failure_table(std::ostream& out, const ReplayResult& result, std::size_t maps) {
  if (result.failures.empty()) {
    out << "<p>No MemoryError.</p>\n";
    return;
  }
  const std::uint64_t b = result.layout.params.block_bytes;
  out << "<table class=\"failures\">\n<tr><th>#</th><th>event</th><th>id</th>"
         "<th class=\"text\">op</th><th>bytes requested</th><th>blocks</th>"
         "<th class=\"text\">class</th><th>mem_free (bytes)</th><th>largest free run (bytes)</th>"
         "<th class=\"text\">heap map</th></tr>\n";
  for (std::size_t i = 0; i < result.failures.size() && i < kMaxTableRows; ++i) {
    const FailureRecord& f = result.failures[i];
    const std::string map = i < maps ? fmt::format("<a href=\"#failure-{}\">map</a>", i + 1) : "";
    fmt::print(out,
               "<tr class=\"failure-row\"><td>{}</td><td>{}</td><td>{}</td>"
               "<td class=\"text\">{}</td><td>{}</td><td>{}</td><td class=\"text class\">{}</td>"
               "<td>{}</td><td>{}</td><td class=\"text\">{}</td></tr>\n",
               i + 1, grouped(f.event), f.id, f.realloc ? "realloc" : "alloc",
               grouped(f.size_bytes), grouped(f.n_blocks), failure_class_name(f.failure_class),
               grouped(f.mem_free), grouped(f.largest_free_blocks * b), map);
  }
  out << "</table>\n";
  cut_note(out, result.failures.size());
}

void write_observation_table(std::ostream& out, const ReplayResult& result) {
  if (result.observations.empty()) return;
  auto device = [](const std::optional<std::int64_t>& v) {
    return v ? grouped(*v) : std::string("–");
  };
  auto diff = [](const std::optional<std::int64_t>& v, std::uint64_t simulated) {
    return v ? grouped(*v - static_cast<std::int64_t>(simulated)) : std::string("–");
  };
  out << "<table class=\"observations\">\n<tr><th>event</th><th class=\"text\">label</th>"
         "<th>device mem_alloc</th><th>simulated</th><th>difference</th>"
         "<th>device mem_free</th><th>simulated</th><th>difference</th></tr>\n";
  for (std::size_t i = 0; i < result.observations.size() && i < kMaxTableRows; ++i) {
    const ObserveEntry& o = result.observations[i];
    fmt::print(out,
               "<tr class=\"observe-row\"><td>{}</td><td class=\"text\">{}</td><td>{}</td>"
               "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
               grouped(o.event), xml_escape(o.label), device(o.device_mem_alloc),
               grouped(o.mem_alloc), diff(o.device_mem_alloc, o.mem_alloc),
               device(o.device_mem_free), grouped(o.mem_free), diff(o.device_mem_free, o.mem_free));
  }
  out << "</table>\n";
  cut_note(out, result.observations.size());
}

}  // namespace gcsim
