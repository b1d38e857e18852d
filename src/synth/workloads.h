// The generators behind the workload table (workload.cpp), one file each. Each runs the
// script's set-up (compile, imports, long-lived objects) and then `frames` passes of its loop,
// each opened by `mark "frame N"`.
#pragma once

#include <cstdint>

#include "synth/script.h"

namespace gcsim::synth {

void generate_camera_preview(Script& s, std::uint32_t frames);
void generate_yolo_face(Script& s, std::uint32_t frames);
void generate_mobilenet_1000(Script& s, std::uint32_t frames);
void generate_face_recognition(Script& s, std::uint32_t frames);
void generate_resize_pix_to_ai(Script& s, std::uint32_t frames);
void generate_jpeg_classify(Script& s, std::uint32_t frames);
void generate_uart_json(Script& s, std::uint32_t frames);
void generate_file_read(Script& s, std::uint32_t frames);
void generate_startup(Script& s, std::uint32_t frames);

}  // namespace gcsim::synth
