// Readers for the oracle data under tests/oracle/ (formats in README.md there).
#include "oracle_data.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <zlib.h>

#ifndef GCSIM_ORACLE_DIR
#error "GCSIM_ORACLE_DIR must name the tests/oracle source folder (set by tests/CMakeLists.txt)"
#endif

namespace gcsim::oracle {
namespace {

struct GzCloser {
  void operator()(gzFile_s* file) const { gzclose(file); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

[[noreturn]] void fail_at(const std::string& path, std::size_t line_no, std::string_view what) {
  throw std::runtime_error(fmt::format("{}:{}: {}", path, line_no, what));
}

// The whole file, inflated if it is gzip (zlib passes plain files through unchanged).
std::string read_gz_text(const std::string& path) {
  GzFile file(gzopen(path.c_str(), "rb"));
  if (!file) {
    throw std::runtime_error(fmt::format("{}: cannot open", path));
  }
  constexpr unsigned kChunkBytes = 1U << 16;
  gzbuffer(file.get(), kChunkBytes);
  std::string text;
  std::array<char, kChunkBytes> chunk{};
  for (;;) {
    const int n_read = gzread(file.get(), chunk.data(), kChunkBytes);
    if (n_read > 0) {
      text.append(chunk.data(), static_cast<std::size_t>(n_read));
    }
    if (n_read < static_cast<int>(kChunkBytes)) {
      break;
    }
  }
  int error = Z_OK;
  const char* message = gzerror(file.get(), &error);
  if (error != Z_OK) {
    // Name the line being read when the stream broke (e.g. a truncated .gz).
    std::size_t line_no = 1;
    for (const char c : text) {
      line_no += (c == '\n') ? 1U : 0U;
    }
    // zlib's message may already start with "<path>: ".
    std::string_view detail = message;
    if (detail.starts_with(path + ": ")) {
      detail.remove_prefix(path.size() + 2);
    }
    fail_at(path, line_no, fmt::format("read error: {}", detail));
  }
  return text;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
}

std::string excerpt(std::string_view line) {
  constexpr std::size_t kMaxChars = 80;
  return line.size() <= kMaxChars ? std::string(line)
                                  : fmt::format("{}...", line.substr(0, kMaxChars));
}

// One data row of a CSV file, with the place it came from for error messages.
class Row {
 public:
  Row(const std::string& path, std::size_t line_no, std::string_view line,
      std::span<const std::string_view> columns)
      : path_(path), line_no_(line_no), columns_(columns), fields_(split_fields(line)) {
    if (fields_.size() != columns_.size()) {
      fail_at(path_, line_no_,
              fmt::format("expected {} fields, got {}: '{}'", columns_.size(), fields_.size(),
                          excerpt(line)));
    }
  }

  template <class Int>
  Int integer(std::size_t column) const {
    const std::string_view field = fields_[column];
    Int value{};
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.empty() || error != std::errc{} || end != field.data() + field.size()) {
      fail_at(path_, line_no_,
              fmt::format("column {}: '{}' is not {}", columns_[column], excerpt(field),
                          std::is_signed_v<Int> ? "an integer" : "a non-negative integer"));
    }
    return value;
  }

  std::string text(std::size_t column) const {
    if (fields_[column].empty()) {
      fail_at(path_, line_no_, fmt::format("column {} is empty", columns_[column]));
    }
    return std::string(fields_[column]);
  }

  [[noreturn]] void fail(std::string_view what) const { fail_at(path_, line_no_, what); }

 private:
  const std::string& path_;
  std::size_t line_no_;
  std::span<const std::string_view> columns_;
  std::vector<std::string_view> fields_;
};

// Checks the header line, then makes one value per data line; any bad line throws.
template <class Value, std::size_t NColumns, class MakeValue>
std::vector<Value> load_csv(const std::string& path,
                            const std::array<std::string_view, NColumns>& columns,
                            MakeValue make_value) {
  const std::vector<std::string> lines = read_gz_lines(path);
  const std::string header = fmt::format("{}", fmt::join(columns, ","));
  if (lines.empty()) {
    fail_at(path, 1, fmt::format("empty file, expected header '{}'", header));
  }
  if (lines.front() != header) {
    fail_at(path, 1, fmt::format("expected header '{}', got '{}'", header, excerpt(lines.front())));
  }
  std::vector<Value> values;
  values.reserve(lines.size() - 1);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    values.push_back(make_value(Row(path, i + 1, lines[i], columns)));
  }
  return values;
}

const nlohmann::json& member(const nlohmann::json& object, const char* key,
                             const std::string& where) {
  if (!object.is_object() || !object.contains(key)) {
    throw std::runtime_error(fmt::format("{}: missing key '{}'", where, key));
  }
  return object[key];
}

std::string string_member(const nlohmann::json& object, const char* key, const std::string& where) {
  const nlohmann::json& value = member(object, key, where);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    throw std::runtime_error(fmt::format("{}: '{}' is not a non-empty string", where, key));
  }
  return value.get<std::string>();
}

std::uint64_t unsigned_member(const nlohmann::json& object, const char* key,
                              const std::string& where) {
  const nlohmann::json& value = member(object, key, where);
  if (!value.is_number_unsigned()) {
    throw std::runtime_error(fmt::format("{}: '{}' is not a non-negative integer", where, key));
  }
  return value.get<std::uint64_t>();
}

// A file named by index.json: a bare name in data_dir() that must exist.
std::string data_file(const std::string& name, const std::string& where) {
  const std::filesystem::path file = std::filesystem::path(data_dir()) / name;
  if (!std::filesystem::is_regular_file(file)) {
    throw std::runtime_error(fmt::format("{}: file not found: {}", where, file.string()));
  }
  return file.string();
}

}  // namespace

std::string oracle_dir() { return GCSIM_ORACLE_DIR; }
std::string data_dir() { return oracle_dir() + "/data"; }
std::string mpy_logs_dir() { return oracle_dir() + "/mpy-logs"; }

std::vector<std::string> read_gz_lines(const std::string& path) {
  const std::string text = read_gz_text(path);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    lines.emplace_back(text, start, end - start);
    start = end + 1;
  }
  return lines;
}

std::vector<StateRow> load_states(const std::string& path) {
  static constexpr std::array<std::string_view, 5> kColumns{"event", "mem_alloc", "mem_free",
                                                            "max_free", "collections"};
  return load_csv<StateRow>(path, kColumns, [](const Row& row) {
    return StateRow{row.integer<std::uint64_t>(0), row.integer<std::int64_t>(1),
                    row.integer<std::int64_t>(2), row.integer<std::int64_t>(3),
                    row.integer<std::int64_t>(4)};
  });
}

std::vector<NotableEvent> load_notable(const std::string& path) {
  static constexpr std::array<std::string_view, 7> kColumns{"event",  "what", "id", "size",
                                                            "detail", "a",    "b"};
  static constexpr std::array<std::string_view, 5> kWhats{"collect", "alloc_fail", "realloc_fail",
                                                          "realloc", "alloc_zero"};
  return load_csv<NotableEvent>(path, kColumns, [](const Row& row) {
    NotableEvent notable{row.integer<std::uint64_t>(0), row.text(1), row.integer<std::int64_t>(2),
                         row.integer<std::int64_t>(3),  row.text(4), row.integer<std::int64_t>(5),
                         row.integer<std::int64_t>(6)};
    if (std::find(kWhats.begin(), kWhats.end(), notable.what) == kWhats.end()) {
      row.fail(fmt::format("column what: unknown kind '{}'", excerpt(notable.what)));
    }
    return notable;
  });
}

std::vector<Placement> load_placements(const std::string& path) {
  static constexpr std::array<std::string_view, 4> kColumns{"event", "id", "block", "blocks"};
  return load_csv<Placement>(path, kColumns, [](const Row& row) {
    return Placement{row.integer<std::uint64_t>(0), row.integer<std::uint64_t>(1),
                     row.integer<std::uint64_t>(2), row.integer<std::uint64_t>(3)};
  });
}

std::vector<OracleRun> load_index() {
  const std::string path = data_dir() + "/index.json";
  const nlohmann::json index = load_json(path);
  const nlohmann::json& runs = member(index, "runs", path);
  if (!runs.is_array()) {
    throw std::runtime_error(fmt::format("{}: 'runs' is not an array", path));
  }
  std::vector<OracleRun> result;
  result.reserve(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const std::string where = fmt::format("{}: runs[{}]", path, i);
    const nlohmann::json& run = runs[i];
    const nlohmann::json& files = member(run, "files", where);
    const std::string files_where = where + ".files";
    // The index names traces as "traces/<name>"; the copies sit directly in data_dir().
    const std::string trace_name =
        std::filesystem::path(string_member(run, "trace_file", where)).filename().string();
    result.push_back(OracleRun{
        string_member(run, "trace", where),
        data_file(trace_name, where),
        string_member(run, "micropython", where),
        unsigned_member(run, "heap_bytes", where),
        unsigned_member(run, "events", where),
        data_file(string_member(files, "csv", files_where), where),
        data_file(string_member(files, "events.csv", files_where), where),
        data_file(string_member(files, "blocks.csv", files_where), where),
        data_file(string_member(files, "summary.json", files_where), where),
    });
  }
  return result;
}

nlohmann::json load_json(const std::string& path) {
  const std::string text = read_gz_text(path);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // The message gives the line and column ("parse error at line 3, column 7: ...").
    throw std::runtime_error(fmt::format("{}: {}", path, error.what()));
  }
}

RulesVersion rules_of(const OracleRun& run) {
  return run.version == "v1.11" ? RulesVersion::v1_11 : RulesVersion::v1_20;
}

std::string test_name(const OracleRun& run) {
  std::string name = run.trace + "_" + std::to_string(run.heap_bytes) + "_" + run.version;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

}  // namespace gcsim::oracle
