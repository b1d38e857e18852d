#include "sweep/config.h"

#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "text/excerpt.h"
#include "text/quote.h"
#include "trace/json_builder.h"

namespace gcsim::sweep {
namespace {

using json = nlohmann::json;

// Linux's PATH_MAX: a longer path names no file.
constexpr std::size_t kMaxPathBytes = 4096;

struct ConfigReader {
  const std::string& file;
  std::filesystem::path folder;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("{}: {}", file, what));
  }
  std::string path(const json& v, std::string_view key) const {
    if (!v.is_string()) fail(fmt::format("'{}' holds a path that is not a string", key));
    if (v.get_ref<const std::string&>().size() > kMaxPathBytes) {
      fail(fmt::format("'{}' holds a path over {} bytes: {}", key, kMaxPathBytes,
                       quote(v.get_ref<const std::string&>())));
    }
    const std::filesystem::path p = v.get<std::string>();
    return (p.is_absolute() ? p : (folder / p).lexically_normal()).string();
  }
  std::string text(const json& v, std::string_view key) const {
    if (!v.is_string()) fail(fmt::format("'{}' is not a string", key));
    return v.get<std::string>();
  }
  // A LIST: "a,b" as is, or ["a", 4096, "b"] joined with commas.
  std::string list(const json& v, std::string_view key) const {
    if (v.is_string()) return v.get<std::string>();
    if (!v.is_array()) fail(fmt::format("'{}' is neither a LIST string nor an array", key));
    std::string out;
    for (const json& item : v) {
      if (!item.is_string() && !item.is_number_integer()) {
        fail(fmt::format("'{}' holds an item that is not a string or a whole number", key));
      }
      if (!out.empty()) out += ',';
      out += item.is_string() ? item.get<std::string>() : item.dump();
    }
    return out;
  }
  // A trace path, or every .json/.jsonl(.gz) file of a folder in name order.
  void add_traces(const json& v, std::vector<std::string>& out) const {
    const std::string p = path(v, "traces");
    if (!std::filesystem::is_directory(p)) {
      out.push_back(p);
      return;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(p)) {
      const std::string name = entry.path().filename().string();
      for (std::string_view ending : {".json", ".jsonl", ".json.gz", ".jsonl.gz"}) {
        if (entry.is_regular_file() && name.ends_with(ending)) {
          found.push_back(entry.path().string());
          break;
        }
      }
    }
    if (found.empty()) fail(fmt::format("the folder {} in 'traces' holds no trace", p));
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  Budget budget(const json& v, const std::string& trace) const {
    if (!v.is_object())
      fail(fmt::format("budgets.{} is not an object", excerpt(trace, kMaxQuotedBytes)));
    Budget b;
    for (const auto& [key, value] : v.items()) {
      std::optional<std::uint64_t> Budget::*field = nullptr;
      for (const BudgetField& f : budget_fields()) {
        if (key == f.key) field = f.field;
      }
      if (!field) {
        fail(
            fmt::format("budgets.{}: unknown key {} (max_failures, max_collections, max_peak, "
                        "min_largest_free)",
                        excerpt(trace, kMaxQuotedBytes), quote(key)));
      }
      if (!value.is_number_integer() ||
          (!value.is_number_unsigned() && value.get<std::int64_t>() < 0)) {
        fail(
            fmt::format("budgets.{}.{} is not a count >= 0", excerpt(trace, kMaxQuotedBytes), key));
      }
      b.*field = value.get<std::uint64_t>();
    }
    return b;
  }
};

}  // namespace

SweepConfig read_sweep_config(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}: {}", file, std::strerror(errno)));
  const ConfigReader r{file, std::filesystem::path(file).parent_path()};
  const json doc = parse_json_document(in, file);
  if (!doc.is_object()) r.fail("not a JSON object");
  SweepConfig c;
  for (const auto& [key, value] : doc.items()) {
    if (key == "traces") {
      if (!value.is_array()) r.fail("'traces' is not an array of paths");
      for (const json& t : value) r.add_traces(t, c.traces);
    } else if (key == "preset") {
      c.preset = r.text(value, key);
    } else if (key == "thresholds") {
      c.thresholds = r.list(value, key);
    } else if (key == "heap_sizes") {
      c.heap_sizes = r.list(value, key);
    } else if (key == "min_heap") {
      if (!value.is_boolean()) r.fail("'min_heap' is not true or false");
      c.min_heap = value.get<bool>();
    } else if (key == "min_heap_to" || key == "safety_margin") {
      // Sizes as text ("1M", "10%") or a number of bytes.
      std::string text = value.is_number_unsigned() ? value.dump() : r.text(value, key);
      (key == "min_heap_to" ? c.min_heap_to : c.safety_margin) = std::move(text);
    } else if (key == "prefer") {
      c.prefer = r.text(value, key);
    } else if (key == "baseline") {
      c.baseline = r.path(value, key);
    } else if (key == "tolerance") {
      c.tolerance = r.text(value, key);
    } else if (key == "budgets") {
      if (!value.is_object()) r.fail("'budgets' is not an object of trace names");
      for (const auto& [trace, budget] : value.items()) c.budgets[trace] = r.budget(budget, trace);
    } else {
      r.fail(fmt::format(
          "unknown key {} (traces, preset, thresholds, heap_sizes, min_heap, min_heap_to, "
          "prefer, safety_margin, baseline, tolerance, budgets)",
          quote(key)));
    }
  }
  return c;
}

}  // namespace gcsim::sweep
