#include "synth/script.h"

#include <string>

namespace gcsim::synth {

void Script::frame(std::uint32_t n) { builder_.mark("frame " + std::to_string(n)); }

}  // namespace gcsim::synth
