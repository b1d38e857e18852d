#!/usr/bin/env bash
# Fuzzes one reader of user files with libFuzzer (clang, ASan + UBSan) for SECONDS (default
# 600): TARGET replay (default: the trace reader + replay), import (MicroPython debug logs) or
# config (sweep files). The corpus starts from the repository's inputs of that kind and grows in
# build-fuzz/corpus-TARGET/ across runs. A crash leaves its input in build-fuzz/findings-TARGET/:
# copy it to tests/fuzz/regressions/ (README there; import-* and config-* names for those
# targets) once fixed, with its outcome in expected.txt there, so the regression test keeps it.
#   tools/fuzz.sh [SECONDS] [JOBS] [TARGET]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
jobs=${2:-1}
target=${3:-replay}
case $target in
  replay) program=gcsim_fuzz ;;
  import | config) program=gcsim_fuzz_$target ;;
  *) echo "fuzz.sh: TARGET is replay, import or config, not '$target'" >&2; exit 2 ;;
esac
bash "$root/tools/ensure-deps.sh"
command -v clang++ >/dev/null || { sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo);
  "${sudo[@]}" apt-get install -y -qq clang libclang-rt-14-dev >/dev/null; }
dir=$root/build-fuzz
mkdir -p "$dir"
# Concurrent runs (one per TARGET) share the build dir: configure and build one at a time.
(
  flock 9
  CXX=clang++ cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGCSIM_FUZZ=ON -DGCSIM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$dir" --target "$program"
) 9>"$dir/.configure.lock"
corpus=$dir/corpus-$target findings=$dir/findings-$target scratch=$dir/scratch-$target
mkdir -p "$corpus" "$findings" "$scratch"
# Seeds, each cut to 64 KiB. For replay the first byte is the file form (0 .jsonl, 1 .json).
seed() { local form=$1 file=$2; local out="$corpus/seed-$(basename "$file")";
  { [[ -z $form ]] || printf "\\x$form"; head -c 65536 "$file"; } >"$out"; }
case $target in
  replay)
    for f in "$root"/traces/*.jsonl "$root"/tests/cli/data/*.jsonl "$root"/tests/cli/data/bad/*.jsonl \
             "$root"/tests/oracle/data/*.jsonl; do [[ -f $f ]] && seed 00 "$f"; done
    for f in "$root"/tests/oracle/data/edge-cases.json "$root"/tests/cli/data/bad/*.json; do
      [[ -f $f ]] && seed 01 "$f"; done
    for f in "$root"/tests/fuzz/regressions/*; do
      case $(basename "$f") in import-* | config-* | README.md | expected.txt) ;; *) cp "$f" "$corpus/" ;; esac
    done ;;
  import)
    for f in "$root"/tests/cli/data/import/*.log "$root"/tests/fuzz/regressions/import-*; do
      [[ -f $f ]] && seed "" "$f"; done
    # The real v1.11 logs, their first 64 KiB unzipped.
    for f in "$root"/tests/oracle/mpy-logs/*.log.gz; do
      { zcat "$f" 2>/dev/null || true; } | head -c 65536 >"$corpus/seed-$(basename "$f" .gz)"; done ;;
  config)
    for f in "$root"/tests/cli/data/sweep/*.json "$root"/tests/fuzz/regressions/config-*; do
      [[ -f $f ]] && seed "" "$f"; done ;;
esac
cd "$findings"
GCSIM_FUZZ_SCRATCH="$scratch" "$dir/$program" -max_total_time="$seconds" -jobs="$jobs" \
  -workers="$jobs" -rss_limit_mb=4096 -max_len=262144 -timeout=20 -print_final_stats=1 \
  "$corpus"
