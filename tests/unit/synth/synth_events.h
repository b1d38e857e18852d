// A TraceBuilder that keeps its events, and a compact rendering of them for the synth model
// suites: "a1:32:list" (alloc of id 1, 32 bytes, type list), "r2:64" (realloc), "f2" (free),
// "d2" (drop), "1>2" (ref), "1!2" (unref), "c" (collect).
#pragma once

#include <string>
#include <vector>

#include "synth/trace_builder.h"

namespace gcsim::synth::test {

struct RecordingBuilder {
  std::vector<Event> events;
  TraceBuilder b{[this](const Event& e) { events.push_back(e); }};

  std::string shown() const {
    std::string out;
    for (const Event& e : events) {
      if (!out.empty()) out += ' ';
      const std::string id = std::to_string(e.id);
      switch (e.op) {
        case Op::alloc:
          out += "a" + id + ":" + std::to_string(e.size) + (e.text.empty() ? "" : ":" + e.text);
          if (e.fin) out += ":fin";
          break;
        case Op::realloc:
          out += "r" + id + ":" + std::to_string(e.size);
          break;
        case Op::free:
          out += "f" + id;
          break;
        case Op::drop:
          out += "d" + id;
          break;
        case Op::hold:
          out += "h" + id;
          break;
        case Op::ref:
          out += id + ">" + std::to_string(e.to);
          break;
        case Op::unref:
          out += id + "!" + std::to_string(e.to);
          break;
        case Op::collect:
          out += "c";
          break;
        case Op::mark:
          out += "m:" + e.text;
          break;
        default:
          out += "?";
          break;
      }
    }
    return out;
  }
};

}  // namespace gcsim::synth::test
