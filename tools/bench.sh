#!/usr/bin/env bash
# Builds the benchmarks (Release) and runs every one, writing bench/results.md: one table row
# per benchmark, from Google Benchmark's JSON. Extra arguments go to every benchmark program,
# e.g. --benchmark_filter=Replay or --benchmark_repetitions=3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh" build-bench -DGCSIM_BUILD_BENCH=ON -DGCSIM_BUILD_TESTS=OFF >/dev/null
out=$root/build-bench/results
rm -rf "$out" && mkdir -p "$out"
for b in "$root"/build-bench/bench/bench_*; do
  echo "running $(basename "$b")" >&2
  "$b" --benchmark_out="$out/$(basename "$b").json" --benchmark_out_format=json "$@" >/dev/null
done
python3 "$root/bench/results_table.py" "$out"/*.json >"$root/bench/results.md.tmp"
mv "$root/bench/results.md.tmp" "$root/bench/results.md"
echo "wrote bench/results.md" >&2
