#!/usr/bin/env bash
# Fuzzes the trace reader + replay with libFuzzer (clang, ASan + UBSan) for SECONDS (default
# 600). The corpus starts from traces/, the oracle traces and the CLI test inputs; it grows in
# build-fuzz/corpus/ across runs. A crash leaves its input in build-fuzz/findings/: copy it to
# tests/fuzz/regressions/ (README there) once fixed, with its outcome in expected.txt there, so
# the regression test keeps it.
#   tools/fuzz.sh [SECONDS] [JOBS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
jobs=${2:-1}
bash "$root/tools/ensure-deps.sh"
command -v clang++ >/dev/null || { sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo);
  "${sudo[@]}" apt-get install -y -qq clang libclang-rt-14-dev >/dev/null; }
dir=$root/build-fuzz
CXX=clang++ cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGCSIM_FUZZ=ON -DGCSIM_BUILD_TESTS=OFF >/dev/null
cmake --build "$dir" --target gcsim_fuzz
mkdir -p "$dir/corpus" "$dir/findings" "$dir/scratch"
# Seeds: the harness reads the first byte as the file form (0 .jsonl, 1 .json); keep seeds small.
seed() { local form=$1 file=$2; local out="$dir/corpus/seed-$(basename "$file")";
  { printf "\\x$form"; head -c 65536 "$file"; } >"$out"; }
for f in "$root"/traces/*.jsonl "$root"/tests/cli/data/*.jsonl "$root"/tests/cli/data/bad/*.jsonl \
         "$root"/tests/oracle/data/*.jsonl; do [[ -f $f ]] && seed 00 "$f"; done
for f in "$root"/tests/oracle/data/edge-cases.json "$root"/tests/cli/data/bad/*.json; do
  [[ -f $f ]] && seed 01 "$f"; done
cp -n "$root"/tests/fuzz/regressions/* "$dir/corpus/" 2>/dev/null || true
rm -f "$dir/corpus/README.md" "$dir/corpus/expected.txt"
cd "$dir/findings"
GCSIM_FUZZ_SCRATCH="$dir/scratch" "$dir/gcsim_fuzz" -max_total_time="$seconds" -jobs="$jobs" \
  -workers="$jobs" -rss_limit_mb=4096 -max_len=262144 -timeout=20 -print_final_stats=1 \
  "$dir/corpus"
