#!/usr/bin/env bash
# Builds the benchmarks (Release) and runs every one, writing bench/results.md: one table row
# per benchmark, from Google Benchmark's JSON. Each runs five times, interleaved with the
# others, and the table keeps the median: this VM's speed drifts by tens of percent from one
# minute to the next. Then the timed CLI runs (bench/cli_runs.py: a streamed 10 M-event replay,
# a 64-cell sweep; with GCSIM_MICROPYTHON set, the real py/gc.c beside gcsim), seven each,
# interleaved, and, with GCSIM_MICROPYTHON set, what recordings cost (bench/record_runs.py).
# Extra arguments go to every benchmark program, e.g. --benchmark_filter=Replay or
# --benchmark_repetitions=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# With GCSIM_MICROPYTHON, bench_real_gc is built from that tree's py/gc.c and the timed runs put
# it beside gcsim (bench/cli_runs.py).
bash "$root/tools/build.sh" build-bench -DGCSIM_BUILD_BENCH=ON -DGCSIM_BUILD_TESTS=OFF \
  -DGCSIM_MICROPYTHON_SOURCE="${GCSIM_MICROPYTHON:-}" >/dev/null
out=$root/build-bench/results
rm -rf "$out" && mkdir -p "$out"
for b in "$root"/build-bench/bench/bench_*; do
  echo "running $(basename "$b")" >&2
  "$b" --benchmark_out="$out/$(basename "$b").json" --benchmark_out_format=json \
    --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
    --benchmark_report_aggregates_only=true "$@" >/dev/null
done
echo "running the timed CLI runs" >&2
python3 "$root/bench/cli_runs.py" "$root/build-bench" "$out/cli_runs.json"
if [[ -n ${GCSIM_MICROPYTHON:-} ]]; then
  echo "running the recordings (GCSIM_MICROPYTHON=$GCSIM_MICROPYTHON)" >&2
  python3 "$root/bench/record_runs.py" "$root/build-bench/gcsim" "$out/record_runs.json"
else
  echo "no recordings: set GCSIM_MICROPYTHON to a MicroPython v1.11 tree to time gcsim record" >&2
fi
python3 "$root/bench/results_table.py" "$out"/*.json >"$root/bench/results.md.tmp"
mv "$root/bench/results.md.tmp" "$root/bench/results.md"
echo "wrote bench/results.md" >&2
