#!/usr/bin/env bash
# Configures and builds gcsim into DIR (default build/) with extra CMake arguments, installing
# the packages those need if any is missing (tools/ensure-deps.sh), e.g.
#   tools/build.sh build-asan -DGCSIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
# GCSIM_TARGET=gcsim builds that target only (default: everything configured).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}
shift || true
tests=(tests)
bench=()
for arg in "$@"; do
  case $arg in
    -DGCSIM_BUILD_TESTS=OFF) tests=() ;;
    -DGCSIM_BUILD_BENCH=ON) bench=(bench) ;;
  esac
done
bash "$root/tools/ensure-deps.sh" "${tests[@]}" "${bench[@]}"
echo "gcsim: configuring $dir/ (cmake)" >&2
cmake -S "$root" -B "$root/$dir" -G Ninja "$@" >/dev/null
target=()
[[ -n ${GCSIM_TARGET:-} ]] && target=(--target "$GCSIM_TARGET")
echo "gcsim: building ${GCSIM_TARGET:-everything} in $dir/ ($(nproc) jobs)" >&2
cmake --build "$root/$dir" -j "$(nproc)" "${target[@]}"
