#include "synth/workload.h"

#include <fmt/format.h>
#include <array>

#include "synth/workloads.h"

namespace gcsim::synth {
namespace {

// Per-frame bytes are what a frame's alloc events ask for (reallocs not counted), as measured
// on the committed traces (traces/README.md).
constexpr std::array<Workload, 9> kWorkloads = {{
    {"camera-preview", "camera to LCD preview with an fps overlay (MaixPy demo_fps_display.py)",
     "144 B of garbage: image object 40, fps float 16, fps text 16 + 32, colour tuple 40",
     generate_camera_preview},
    {"yolo-face", "YOLO2 face detection on every camera frame, no explicit collect",
     "40–512 B: image object 40; with faces a list 64 + 136 per face (72 + float 16 + rect 48)",
     generate_yolo_face},
    {"mobilenet-1000",
     "1000-class MobileNet: 1,000 label strings kept, a 1,000-float tuple per frame",
     "~24.3 KB (~40 KB of blocks): tuple 8,016 + 1,000 floats × 16, image 40, label text",
     generate_mobilenet_1000},
    {"face-recognition",
     "face detect, landmarks, features with three KPU models; gc.collect() every frame",
     "104 B without a face; ~105–120 KB with one: cut ~24 KB, resize 32,768, pix_to_ai 49,152, "
     "~5 KB of floats (153,600 + 32,768 + 49,152 kept)",
     generate_face_recognition},
    {"resize-pix-to-ai", "resize each QVGA frame to 224×224 and pix_to_ai it for a classifier",
     "273,088 B: resize 100,352 + 40, pix_to_ai 172,032, ~0.7 KB of small objects",
     generate_resize_pix_to_ai},
    {"jpeg-classify", "decode a JPEG from SD, resize to 224×224, pix_to_ai, classify; results kept",
     "~436–451 KB: file 8–24 KB (freed), 153,600 + 100,352 + 172,032 (live at once), ~0.7 KB",
     generate_jpeg_classify},
    {"uart-json", "UART JSON telemetry: readline, ujson.loads, a dict literal, ujson.dumps",
     "~0.4–0.9 KB: bytes line, dict tables 32 → 64 → 96 (old ones freed), dumps vstr by realloc",
     generate_uart_json},
    {"file-read", "read a growing CSV log from SD with f.read(), split rows and columns",
     "~6–20 KB: file object 64, read() buffer in 256-byte steps, a str per row and per field",
     generate_file_read},
    {"startup", "boot.py, then one .py module imported per frame (compile, qstrs, functions)",
     "~4.5–12 KB a module: compile temporaries (freed) and 1–8 KB never freed (bytecode, qstrs, "
     "functions, module dict)",
     generate_startup},
}};

}  // namespace

std::span<const Workload> workloads() { return kWorkloads; }

const Workload* find_workload(std::string_view name) {
  for (const Workload& w : kWorkloads) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

TraceHeader synth_header(const Workload& workload, const SynthOptions& options) {
  TraceHeader header;
  header.name = std::string(workload.name);
  header.description = fmt::format("gcsim synth {} --frames {} --seed {}: {}", workload.name,
                                   options.frames, options.seed, workload.description);
  header.geometry = "k210";
  return header;
}

void synthesize(const Workload& workload, const SynthOptions& options,
                const TraceBuilder::Emit& emit) {
  TraceBuilder builder(emit);
  Script script(builder, options.seed);
  workload.generate(script, options.frames);
}

std::vector<Event> synthesize(const Workload& workload, const SynthOptions& options) {
  std::vector<Event> events;
  synthesize(workload, options, [&events](const Event& e) { events.push_back(e); });
  return events;
}

}  // namespace gcsim::synth
