#!/usr/bin/env bash
# Configures and builds gcsim into DIR (default build/) with extra CMake arguments, e.g.
#   tools/build.sh build-asan -DGCSIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}
shift || true
bash "$root/tools/ensure-deps.sh"
cmake -S "$root" -B "$root/$dir" -G Ninja "$@" >/dev/null
cmake --build "$root/$dir" -j "$(nproc)"
