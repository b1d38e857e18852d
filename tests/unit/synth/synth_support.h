// Helpers for the synth suites: a workload's events in memory, the allocations of its set-up and
// of each frame, and a replay of its trace on the K210 preset with a chosen heap size. The
// replay goes through a temporary .jsonl file, so the writer, reader and validator take part.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "heap/geometry.h"
#include "replay/driver.h"
#include "synth/workload.h"
#include "trace/writer.h"

namespace gcsim::synth::test {

// A workload name as a test name: "yolo-face" → "yolo_face".
inline std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

inline const Workload& workload_named(std::string_view name) {
  const Workload* w = find_workload(name);
  if (!w) throw std::invalid_argument("no workload " + std::string(name));
  return *w;
}

inline std::vector<Event> events_of(std::string_view name, std::uint32_t frames,
                                    std::uint64_t seed = 1) {
  return synthesize(workload_named(name), SynthOptions{frames, seed});
}

// The events of each frame ("frame N" mark to the next); index 0 holds the set-up before
// frame 0.
inline std::vector<std::vector<Event>> split_frames(const std::vector<Event>& events) {
  std::vector<std::vector<Event>> parts(1);
  for (const Event& e : events) {
    if (e.op == Op::mark && e.text.starts_with("frame ")) {
      parts.emplace_back();
      continue;
    }
    parts.back().push_back(e);
  }
  return parts;
}

inline std::uint64_t alloc_bytes(const std::vector<Event>& events) {
  std::uint64_t total = 0;
  for (const Event& e : events) {
    if (e.op == Op::alloc) total += e.size;
  }
  return total;
}

inline std::size_t count_allocs(const std::vector<Event>& events, std::uint64_t size,
                                std::string_view type = {}) {
  std::size_t n = 0;
  for (const Event& e : events) {
    if (e.op == Op::alloc && e.size == size && (type.empty() || e.text == type)) ++n;
  }
  return n;
}

// Writes the events as a .jsonl trace and replays it on k210 with `heap_bytes`, threshold off.
inline ReplayResult replay_on_k210(std::string_view workload, const std::vector<Event>& events,
                                   std::uint64_t heap_bytes) {
  static std::atomic<int> counter{0};
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("gcsim-synth-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    write_trace_jsonl(out, synth_header(workload_named(workload), SynthOptions{}), events);
  }
  ReplaySettings settings;
  settings.preset = "k210";
  settings.geometry = find_preset("k210")->params;
  settings.geometry.heap_bytes = heap_bytes;
  settings.threshold_bytes = -1;
  struct Remove {
    std::filesystem::path p;
    ~Remove() { std::filesystem::remove(p); }
  } remove{path};
  return replay_trace(path.string(), settings);
}

}  // namespace gcsim::synth::test
