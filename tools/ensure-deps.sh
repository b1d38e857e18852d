#!/usr/bin/env bash
# Installs what gcsim builds with, and only what is missing (apt-get; root or sudo).
#   tools/ensure-deps.sh [tests] [bench] [check]
# With no word: what the gcsim binary needs (tools/demo.sh). tests: GoogleTest (a build with
# GCSIM_BUILD_TESTS, the default). bench: Google Benchmark and simdjson (GCSIM_BUILD_BENCH).
# check: what running the tests needs: make (gcsim record builds MicroPython with it), python3
# and time (input generators, report and peak-memory checks), clang-format (tools/format.sh),
# git (docs.references reads the tracked files).
# Each need is probed directly (a command on PATH, a header the compiler finds), not through
# dpkg, so a machine that has everything runs no package tool, Debian or not.
set -euo pipefail
# Each entry: the Debian package, then what shows it is there (cmd:NAME, a path, or a header).
needs=("g++ cmd:g++" "cmake cmd:cmake" "ninja-build cmd:ninja" "libcli11-dev CLI/CLI.hpp"
       "nlohmann-json3-dev nlohmann/json.hpp" "libfmt-dev fmt/format.h" "zlib1g-dev zlib.h")
for word in "$@"; do
  case $word in
    tests) needs+=("libgtest-dev gtest/gtest.h") ;;
    bench) needs+=("libbenchmark-dev benchmark/benchmark.h" "libsimdjson-dev simdjson.h") ;;
    check) needs+=("make cmd:make" "python3 cmd:python3" "time /usr/bin/time"
                   "clang-format cmd:clang-format" "git cmd:git") ;;
    *) echo "usage: tools/ensure-deps.sh [tests] [bench] [check]" >&2; exit 2 ;;
  esac
done
# Where the compiler looks for <headers>, asked once (none without a compiler).
include_dirs=()
if command -v c++ >/dev/null; then
  mapfile -t include_dirs < <(c++ -E -x c++ -v - </dev/null 2>&1 |
    sed -n '/^#include <...> search starts here:/,/^End of search list/{s/^ //p}')
fi
present() {
  case $1 in
    cmd:*) command -v "${1#cmd:}" >/dev/null; return ;;
    /*) [[ -e $1 ]]; return ;;
  esac
  for dir in "${include_dirs[@]}"; do
    [[ -e $dir/$1 ]] && return 0
  done
  return 1
}
missing=()
for need in "${needs[@]}"; do
  read -r package probe <<<"$need"
  present "$probe" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "gcsim: missing ${missing[*]} (Debian's names); install them and run again" >&2
  exit 1
fi
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
echo "gcsim: installing ${missing[*]} (apt-get)" >&2
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "gcsim: installed in $((SECONDS - start)) s" >&2
