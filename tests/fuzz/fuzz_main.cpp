// libFuzzer entry point (built by tools/fuzz.sh with clang -fsanitize=fuzzer,address,undefined).
#include <cstdlib>

#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string scratch =
      std::getenv("GCSIM_FUZZ_SCRATCH") ? std::getenv("GCSIM_FUZZ_SCRATCH") : "/tmp";
  gcsim::fuzz::replay_once(data, size, scratch);
  return 0;
}
