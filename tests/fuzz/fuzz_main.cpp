// libFuzzer entry point (built by tools/fuzz.sh with clang -fsanitize=fuzzer,address,undefined),
// one program per harness: GCSIM_FUZZ_ONCE names it (replay_once, import_once, config_once).
#include <cstdlib>

#include "fuzz_inputs.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string scratch =
      std::getenv("GCSIM_FUZZ_SCRATCH") ? std::getenv("GCSIM_FUZZ_SCRATCH") : "/tmp";
  gcsim::fuzz::GCSIM_FUZZ_ONCE(data, size, scratch);
  return 0;
}
