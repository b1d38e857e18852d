// Trace reading speed: a 1,000,000-event churn trace written as .jsonl, .jsonl.gz and .json,
// read back into a sink that only counts. Reports bytes (of the file as stored) and events per
// second.
//
// The .jsonl event parsers side by side, each over GzSource's lines:
//   ReadJsonl            read_trace: the fast path (fast_event_parser.h), nlohmann behind it
//   ReadJsonlNlohmann    the reference alone: nlohmann SAX into a value, then validate_event
//   SimdjsonOndemand     simdjson 3 On-Demand, one parser reused, each line copied into a padded
//                        buffer; the same checks as the fast path (op, keys once, types, ranges)
//   SimdjsonDom          the same with simdjson's DOM parser, reused
//   InflateOnly          .jsonl.gz through GzSource with nothing parsed: zlib's share
#include <benchmark/benchmark.h>

#include <simdjson.h>
#include <zlib.h>
#include <array>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>

#include "synth/random_churn.h"
#include "trace/gz_source.h"
#include "trace/jsonl_reader.h"
#include "trace/reader.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

class CountingSink final : public TraceSink {
 public:
  void on_header(const TraceHeader&) override {}
  void on_event(const Event&, const EventPosition&) override { ++events; }
  std::uint64_t events = 0;
};

struct BenchFiles {
  std::string jsonl, jsonl_gz, json;
  BenchFiles() {
    const auto dir = std::filesystem::temp_directory_path() / "gcsim-bench";
    std::filesystem::create_directories(dir);
    jsonl = (dir / "churn.jsonl").string();
    jsonl_gz = (dir / "churn.jsonl.gz").string();
    json = (dir / "churn.json").string();
    const std::vector<Event> events = random_churn({.events = 1'000'000});
    TraceHeader header;
    header.name = "churn";
    header.geometry = "k210";
    std::ostringstream text;
    write_trace_jsonl(text, header, events);
    std::ofstream(jsonl) << text.str();
    gzFile gz = gzopen(jsonl_gz.c_str(), "wb6");
    gzwrite(gz, text.str().data(), static_cast<unsigned>(text.str().size()));
    gzclose(gz);
    // The .json form: the same events inside one document.
    std::istringstream lines(text.str());
    std::string line, first;
    std::getline(lines, first);
    std::ofstream out(json);
    out << first.substr(0, first.size() - 1) << ",\"events\":[\n";
    bool comma = false;
    while (std::getline(lines, line)) {
      out << (comma ? ",\n" : "") << line;
      comma = true;
    }
    out << "\n]}\n";
  }
};

const BenchFiles& files() {
  static const BenchFiles f;
  return f;
}

template <typename Read>
void run(benchmark::State& state, const std::string& path, Read read) {
  const auto bytes = std::filesystem::file_size(path);
  std::uint64_t events = 0;
  for (auto _ : state) events = read(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * events));
}

std::uint64_t read_all(const std::string& path) {
  CountingSink sink;
  read_trace(path, sink);
  return sink.events;
}

std::uint64_t read_jsonl_with(const std::string& path, EventParser parser) {
  CountingSink sink;
  GzSource source(path);
  read_jsonl_trace(source, path, sink, parser);
  return sink.events;
}

// ---- simdjson: the fast path's checks on simdjson's values ----

enum Key : unsigned {
  kOp,
  kId,
  kSize,
  kFin,
  kType,
  kFrom,
  kTo,
  kAmount,
  kLabel,
  kMemAlloc,
  kMemFree,
  kNone
};

Key key_of(std::string_view key) {
  static constexpr std::array<std::string_view, kNone> kNames = {
      "op", "id", "size", "fin", "type", "from", "to", "amount", "label", "mem_alloc", "mem_free"};
  for (unsigned k = 0; k < kNone; ++k) {
    if (kNames[k] == key) return static_cast<Key>(k);
  }
  return kNone;
}

// What one line held, member by member; the Event is built once all are seen.
struct Members {
  unsigned seen = 0;
  std::string_view op, text;
  std::uint64_t id = 0, to = 0, size = 0;
  std::int64_t amount = 0;
  bool fin = false;
  std::optional<std::int64_t> mem_alloc, mem_free;

  bool take(Key key) {
    if (key == kNone || (seen & (1u << key)) != 0) return false;
    seen |= 1u << key;
    return true;
  }
  // The fast path's checks: the keys the op takes and needs, then the ranges.
  bool build(Event& event) const {
    constexpr auto bits = [](std::initializer_list<Key> keys) {
      unsigned mask = 0;
      for (const Key key : keys) mask |= 1u << key;
      return mask;
    };
    struct OpKeys {
      unsigned allowed, required;
    };
    static constexpr std::array<OpKeys, 13> kKeys = {{
        {bits({kOp, kId, kSize, kFin, kType}), bits({kId, kSize})},  // alloc
        {bits({kOp, kId, kSize}), bits({kId, kSize})},               // realloc
        {bits({kOp, kId}), bits({kId})},                             // free
        {bits({kOp, kId}), bits({kId})},                             // drop
        {bits({kOp, kId}), bits({kId})},                             // hold
        {bits({kOp, kFrom, kTo}), bits({kFrom, kTo})},               // ref
        {bits({kOp, kFrom, kTo}), bits({kFrom, kTo})},               // unref
        {bits({kOp}), 0},                                            // collect
        {bits({kOp}), 0},                                            // enable
        {bits({kOp}), 0},                                            // disable
        {bits({kOp, kAmount}), bits({kAmount})},                     // threshold
        {bits({kOp, kLabel}), bits({kLabel})},                       // mark
        {bits({kOp, kMemAlloc, kMemFree}), 0},                       // observe
    }};
    const std::optional<Op> known = op_from_name(op);
    if ((seen & 1u) == 0 || !known) return false;
    const OpKeys keys = kKeys[static_cast<std::size_t>(*known)];
    if ((seen & ~keys.allowed) != 0 || (seen & keys.required) != keys.required) return false;
    if (*known == Op::observe && !mem_alloc && !mem_free) return false;
    event.op = *known;
    event.id = id;
    event.to = to;
    event.size = size;
    event.fin = fin;
    event.amount = amount;
    event.text.assign(text);
    event.mem_alloc = mem_alloc;
    event.mem_free = mem_free;
    return id <= kMaxTraceId && to <= kMaxTraceId && size <= kMaxTraceSize;
  }
};

template <typename Value>
bool member(Members& m, Key key, Value value) {
  if (!m.take(key)) return false;
  switch (key) {
    case kOp:
      return !value.get_string().get(m.op);
    case kType:
    case kLabel:
      return !value.get_string().get(m.text);
    case kFin:
      return !value.get_bool().get(m.fin);
    case kId:
      return !value.get_uint64().get(m.id);
    case kFrom:
      return !value.get_uint64().get(m.id);
    case kTo:
      return !value.get_uint64().get(m.to);
    case kSize:
      return !value.get_uint64().get(m.size);
    case kAmount:
      return !value.get_int64().get(m.amount);
    case kMemAlloc:
    case kMemFree: {
      std::int64_t n = 0;
      if (value.get_int64().get(n)) return false;
      (key == kMemAlloc ? m.mem_alloc : m.mem_free) = n;
      return true;
    }
    case kNone:
      break;
  }
  return false;
}

bool ondemand_event(simdjson::ondemand::parser& parser, const std::string& padded,
                    std::size_t n_bytes, Event& event) {
  simdjson::ondemand::document doc;
  simdjson::ondemand::object object;
  if (parser.iterate(padded.data(), n_bytes, padded.size()).get(doc) ||
      doc.get_object().get(object)) {
    return false;
  }
  Members m;
  for (auto field : object) {
    std::string_view key;
    simdjson::ondemand::value value;
    if (field.unescaped_key().get(key) || field.value().get(value)) return false;
    if (!member(m, key_of(key), value)) return false;
  }
  // simdjson 3.0.1 has no document::at_end(): text after the object goes unseen.
  return m.build(event);
}

bool dom_event(simdjson::dom::parser& parser, const std::string& padded, std::size_t n_bytes,
               Event& event) {
  simdjson::dom::object object;
  if (parser.parse(padded.data(), n_bytes, false).get(object)) return false;
  Members m;
  for (const auto field : object) {
    if (!member(m, key_of(field.key), field.value)) return false;
  }
  return m.build(event);
}

// GzSource's lines after the header, each copied into a padded buffer and parsed by `parse`;
// a line it refuses goes to the reference path, as in the real reader.
template <typename Parse>
std::uint64_t read_lines_simdjson(const std::string& path, Parse parse) {
  GzSource source(path);
  std::string_view line;
  std::string padded;
  Event event;
  CountingSink sink;
  source.next_line(line, kMaxLineBytes);  // the header
  while (source.peek() >= 0) {
    const std::uint64_t line_number = source.line();
    source.next_line(line, kMaxLineBytes);
    if (line.empty()) continue;
    if (padded.size() < line.size() + simdjson::SIMDJSON_PADDING) {
      padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
    }
    std::copy(line.begin(), line.end(), padded.begin());
    const TracePlace place{path, sink.events, line_number};
    if (!parse(padded, line.size(), event)) {
      parse_event_line(line, place, EventParser::nlohmann, event);
    }
    sink.on_event(event, {sink.events, line_number, source.file_offset()});
  }
  return sink.events;
}

std::uint64_t inflate_only(const std::string& path) {
  GzSource source(path);
  std::string_view line;
  std::uint64_t lines = 0;
  while (source.peek() >= 0) {
    source.next_line(line, kMaxLineBytes);
    ++lines;
  }
  return lines - 1;
}

void BM_ReadJsonl(benchmark::State& state) { run(state, files().jsonl, read_all); }
void BM_ReadJsonlNlohmann(benchmark::State& state) {
  run(state, files().jsonl,
      [](const std::string& p) { return read_jsonl_with(p, EventParser::nlohmann); });
}
void BM_ReadJsonlSimdjsonOndemand(benchmark::State& state) {
  simdjson::ondemand::parser parser;
  run(state, files().jsonl, [&](const std::string& p) {
    return read_lines_simdjson(p, [&](const std::string& padded, std::size_t n, Event& e) {
      return ondemand_event(parser, padded, n, e);
    });
  });
}
void BM_ReadJsonlSimdjsonDom(benchmark::State& state) {
  simdjson::dom::parser parser;
  run(state, files().jsonl, [&](const std::string& p) {
    return read_lines_simdjson(p, [&](const std::string& padded, std::size_t n, Event& e) {
      return dom_event(parser, padded, n, e);
    });
  });
}
void BM_ReadJsonlGz(benchmark::State& state) { run(state, files().jsonl_gz, read_all); }
void BM_ReadJsonlGzNlohmann(benchmark::State& state) {
  run(state, files().jsonl_gz,
      [](const std::string& p) { return read_jsonl_with(p, EventParser::nlohmann); });
}
void BM_InflateOnly(benchmark::State& state) { run(state, files().jsonl_gz, inflate_only); }
void BM_ReadJson(benchmark::State& state) { run(state, files().json, read_all); }

BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlNlohmann)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlSimdjsonOndemand)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlSimdjsonDom)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGz)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGzNlohmann)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_InflateOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gcsim

BENCHMARK_MAIN();
