#!/usr/bin/env bash
# The test command (README; .ci/run runs exactly this): builds gcsim twice — Release, and
# Debug with AddressSanitizer + UndefinedBehaviorSanitizer — and runs every test in both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
# The recorder tests' MicroPython build, shared by both builds (tests/CMakeLists.txt).
record_cache=(-DGCSIM_RECORD_CACHE="$root/build-record-cache")
bash "$root/tools/build.sh" build "${record_cache[@]}"
(cd "$root/build" && ctest --output-on-failure -j "$jobs")
bash "$root/tools/build.sh" build-asan -DCMAKE_BUILD_TYPE=Debug -DGCSIM_SANITIZE=ON \
  "${record_cache[@]}"
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$jobs")
