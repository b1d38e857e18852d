// What `gcsim record` tells the MaixPy stand-ins compiled into its MicroPython
// (src/record/micropython/maixpy/standin.h): when the script ends, how many values each KPU
// model gives, how many objects each YOLO2 run finds. They go to the child as environment
// variables; this file checks their syntax first, so a mistyped flag is one line and exit 2
// instead of a recording made with the defaults.
//
//   --frames N          GCSIM_FRAMES       the script ends at its (N+1)-th sensor.snapshot()
//   --kpu-output SPEC   GCSIM_KPU_OUTPUT   values per forward(): "1000", or per model
//                                          "0x300000=10,0x400000=196,/sd/m.kmodel=20,1000"
//                                          (a bare number is every other model's; default 1000)
//   --detections LIST   GCSIM_DETECTIONS   objects per run_yolo2() call, cycled: "1,0,2"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gcsim {

struct MaixPySettings {
  std::optional<std::uint64_t> frames;
  std::optional<std::string> kpu_output;
  std::optional<std::string> detections;
};

// "" if `spec` is a valid --kpu-output, else what is wrong with it.
std::string kpu_output_error(const std::string& spec);
// "" if `list` is a valid --detections, else what is wrong with it.
std::string detections_error(const std::string& list);

// The child's environment entries for the settings given (none for those left out).
std::vector<std::string> maixpy_environment(const MaixPySettings& settings);

}  // namespace gcsim
