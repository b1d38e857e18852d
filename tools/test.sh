#!/usr/bin/env bash
# The test command (README; .ci/run runs exactly this): checks the formatting, builds gcsim twice —
# Release (with the benchmark programs, built but not run), and Debug with AddressSanitizer +
# UndefinedBehaviorSanitizer — and runs every test in both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
bash "$root/tools/ensure-deps.sh" tests bench check
if command -v clang-format >/dev/null; then
  bash "$root/tools/format.sh" --check
fi
# The recorder tests' MicroPython build, shared by both builds (tests/CMakeLists.txt).
record_cache=(-DGCSIM_RECORD_CACHE="$root/build-record-cache")
# Tests on explicitly: tools/demo.sh configures build/ without them.
bash "$root/tools/build.sh" build -DGCSIM_BUILD_TESTS=ON -DGCSIM_BUILD_BENCH=ON \
  "${record_cache[@]}"
(cd "$root/build" && ctest --output-on-failure -j "$jobs")
bash "$root/tools/build.sh" build-asan -DCMAKE_BUILD_TYPE=Debug -DGCSIM_BUILD_TESTS=ON \
  -DGCSIM_SANITIZE=ON \
  "${record_cache[@]}"
(cd "$root/build-asan" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$jobs")
