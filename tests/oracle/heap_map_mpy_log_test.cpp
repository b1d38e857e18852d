// Does gcsim print the heap map a real MicroPython v1.11 printed (mpy-logs/heapmaps/: twelve
// micropython.mem_info(1) dumps, each beside the GC debug log of its run), character for
// character?
//
//   RendererRedrawsEveryRealDump  the renderer alone: the dump's own letters (elided lines
//                                 expanded to '.'), drawn again, give the dump's exact text.
//   ImportedLogGivesTheRealDump   the whole path: `gcsim import mpy-log` turns the log into a
//                                 trace file, the trace is replayed on the log's heap, the map
//                                 is taken at `--at mark:LABEL` (the OBSERVE line before it has
//                                 the same label: the HEAPMAP mark must win) and printed with the
//                                 log's pool address; it must equal the dump from the GC: line on.
//
// The log never names an object's type (its gc_alloc lines give sizes and addresses only), so
// in the second test every head letter (T L D S A F B M h) is compared as 'h', on both sides.
// '.', '=', the header, the offsets, the elisions and the GC: lines are compared as printed.
// The mem: and stack: lines are malloc.c's and the C stack's, which no replay knows.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "import/mpy_log.h"
#include "oracle_data.h"
#include "report/heap_map/capture.h"
#include "report/heap_map/mem_info.h"
#include "trace/writer.h"

namespace gcsim {
namespace {

struct Dump {
  std::string run;    // e.g. c_bigbuf_churn_heapmap.heap128k
  std::string label;  // the HEAPMAP label
};

const std::vector<Dump> kDumps = {
    {"a_camera_preview_heapmap.heap512k", "start"},
    {"a_camera_preview_heapmap.heap512k", "frame1000"},
    {"a_camera_preview_heapmap.heap512k", "end"},
    {"c_bigbuf_churn_heapmap.heap512k", "start"},
    {"c_bigbuf_churn_heapmap.heap512k", "frame300"},
    {"c_bigbuf_churn_heapmap.heap512k", "end"},
    {"c_bigbuf_churn_heapmap.heap128k", "start"},
    {"c_bigbuf_churn_heapmap.heap128k", "frame300"},
    {"c_bigbuf_churn_heapmap.heap128k", "end"},
    {"e_list_growth_heapmap.heap512k", "start"},
    {"e_list_growth_heapmap.heap512k", "frame40"},
    {"e_list_growth_heapmap.heap512k", "end"},
};

std::string heapmaps_dir() { return oracle::mpy_logs_dir() + "/heapmaps"; }

// What mem_info(1) printed after `HEAPMAP label`, from the GC: line to the map's last line.
std::string real_dump(const Dump& d) {
  std::ifstream in(heapmaps_dir() + "/" + d.run + ".stdout.txt");
  std::string line, text;
  while (std::getline(in, line) && line != "HEAPMAP " + d.label) {
  }
  const std::regex map_line("[0-9a-f]{5}: .*|       \\([0-9]+ lines all free\\)");
  while (std::getline(in, line)) {
    if (line.starts_with("mem: ") || line.starts_with("stack: ")) continue;
    const bool ours = line.starts_with("GC: ") || line.starts_with(" No. of 1-blocks") ||
                      line.starts_with("GC memory layout; from ") ||
                      std::regex_match(line, map_line);
    if (!ours) break;
    text += line + '\n';
  }
  return text;
}

// The dump's letters, one per block: rows as printed, elided lines as '.'.
std::string letters_of(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, letters;
  const std::regex elided("       \\(([0-9]+) lines all free\\)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, elided)) {
      letters += std::string(std::stoul(m[1]) * 64, '.');
    } else if (line.size() > 7 && line[5] == ':' && line[6] == ' ') {
      letters += line.substr(7);
    }
  }
  return letters;
}

std::uint64_t pool_address_of(const std::string& dump) {
  const auto from = dump.find("GC memory layout; from ");
  return std::stoull(dump.substr(from + 23), nullptr, 16);
}

// Head letters as 'h' in the map's rows (after "xxxxx: "); other lines as they are.
std::string heads_as_h(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.size() > 7 && line[5] == ':' && line[6] == ' ') {
      for (std::size_t i = 7; i < line.size(); ++i) {
        if (line[i] != '.' && line[i] != '=' && line[i] != 'm') line[i] = 'h';
      }
    }
    out += line + '\n';
  }
  return out;
}

std::string dump_name(const ::testing::TestParamInfo<Dump>& info) {
  const std::string& run = info.param.run;  // a_…heap512k → a_heap512k_LABEL
  return run.substr(0, run.find('_')) + "_" + run.substr(run.rfind('.') + 1) + "_" +
         info.param.label;
}

class HeapMapRealDump : public ::testing::TestWithParam<Dump> {};

TEST_P(HeapMapRealDump, RendererRedrawsEveryRealDump) {
  const std::string dump = real_dump(GetParam());
  ASSERT_NE(dump.find("GC memory layout; from "), std::string::npos);
  const std::string table = dump.substr(dump.find("GC memory layout"));
  const std::string letters = letters_of(table);
  const std::size_t blocks = GetParam().run.ends_with("128k") ? 4048 : 16192;
  ASSERT_EQ(letters.size(), blocks);
  std::ostringstream out;
  write_alloc_table(out, letters, {RulesVersion::v1_11, 32, pool_address_of(dump)});
  EXPECT_EQ(out.str(), table);
}

// One import per log, shared by its three dumps.
const MpyLogImport& imported(const std::string& run) {
  static std::map<std::string, MpyLogImport> cache;
  auto it = cache.find(run);
  if (it == cache.end()) {
    it = cache.emplace(run, import_mpy_log(heapmaps_dir() + "/" + run + ".log.gz")).first;
  }
  return it->second;
}

// Each label names an OBSERVE line and then the HEAPMAP line: two marks.
std::uint64_t marks_labelled(const MpyLogImport& log, const std::string& label) {
  std::uint64_t n = 0;
  for (const Event& e : log.events) n += e.op == Op::mark && e.text == label;
  return n;
}

// The imported trace as `gcsim import mpy-log -o` writes it, in the test's temporary folder;
// the process id in its name keeps two dumps of one run (ctest -j: a process each) apart.
std::string trace_file(const std::string& run, const MpyLogImport& log) {
  const std::string path = ::testing::TempDir() + run + "." + std::to_string(::getpid()) + ".jsonl";
  std::ofstream out(path);
  write_trace_jsonl(out, log.header, log.events);
  return path;
}

TEST_P(HeapMapRealDump, ImportedLogGivesTheRealDump) {
  const Dump& d = GetParam();
  const std::string dump = real_dump(d);
  ASSERT_TRUE(dump.starts_with("GC: total: ")) << dump;
  const MpyLogImport& log = imported(d.run);
  ReplaySettings settings;
  settings.preset = log.heap.preset;
  settings.geometry = log.heap.geometry;
  ASSERT_EQ(marks_labelled(log, d.label), 2u) << "an OBSERVE mark, then the HEAPMAP mark";
  const std::string trace = trace_file(d.run, log);
  const CapturedHeapMap map = capture_heap_map(
      trace, [&](const TraceHeader&) { return settings; },
      parse_heap_map_target("mark:" + d.label));
  std::remove(trace.c_str());
  const HeapSnapshot& s = map.snapshot;
  EXPECT_EQ(log.heap.pool_address, pool_address_of(dump));
  std::ostringstream out;
  write_heap_map(out, s.info, s.letters, heap_map_format(map.result.layout, log.heap.pool_address));
  EXPECT_EQ(heads_as_h(out.str()), heads_as_h(dump));
}

INSTANTIATE_TEST_SUITE_P(TwelveDumps, HeapMapRealDump, ::testing::ValuesIn(kDumps), dump_name);

}  // namespace
}  // namespace gcsim
