#!/usr/bin/env python3
"""Timed CLI runs for bench/results.md (tools/bench.sh): the speed targets that are whole
commands, not functions -- a streamed 10,000,000-event replay (wall time, peak memory), a
64-cell sweep of a 1,000,000-event trace on 2 cores (-j 2), and end-to-end replays of a
200,000-event graph-shaped trace and of churn as long, with and without the per-event CSV.

    cli_runs.py BUILD_DIR OUT.json [REPETITIONS]

Generates the traces with BUILD_DIR/bench/make_bench_trace in a temporary folder, runs each
command REPETITIONS times (default 5) interleaved with the others, and writes every run's
wall time, CPU time and peak resident memory (GNU time's, of the command alone)."""
import json
import os
import subprocess
import sys
import tempfile
import time

SWEEP_THRESHOLDS = "4K,8K,16K,32K,64K,128K,256K,512K"
SWEEP_HEAPS = "512K,1M,1536K,2M,2560K,3M,3584K,4M"


def commands(gcsim, churn10m, churn1m, churn200k, graph200k, csv):
    return [
        ("replay, 10,000,000 events streamed from .jsonl, parsing included",
         [gcsim, "replay", churn10m, "--quiet"]),
        ("sweep, 1,000,000 events, 8 thresholds x 8 heaps = 64 cells, -j 2",
         [gcsim, "sweep", churn1m, "--thresholds", SWEEP_THRESHOLDS,
          "--heap-sizes", SWEEP_HEAPS, "-j", "2"]),
    ] + [
        (f"replay, 200,000 {shape} events from .jsonl, 512 KiB{what}",
         [gcsim, "replay", trace, "--quiet"] + extra)
        for shape, trace in (("churn", churn200k), ("graph", graph200k))
        for what, extra in (("", []), (", per-event CSV written", ["--csv", csv]))
    ]


def run_once(argv, folder):
    # GNU time reports the command's own peak memory. (A child forked from Python carries the
    # interpreter's pages until it execs, and those count in its rusage.)
    usage_file = os.path.join(folder, "usage")
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", usage_file] + argv,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"cli_runs.py: {' '.join(argv)} exited with {done.returncode}")
    with open(usage_file) as f:
        user, system, max_rss_kb = f.read().split()[-3:]
    return {"wall_s": wall, "cpu_s": float(user) + float(system),
            "max_rss_mib": int(max_rss_kb) / 1024}


def main(build, out, repetitions=5):
    with tempfile.TemporaryDirectory() as folder:
        churn10m = os.path.join(folder, "churn10m.jsonl")
        churn1m = os.path.join(folder, "churn1m.jsonl")
        churn200k = os.path.join(folder, "churn200k.jsonl")
        graph200k = os.path.join(folder, "graph200k.jsonl")
        make = os.path.join(build, "bench", "make_bench_trace")
        subprocess.run([make, "churn", "10000000", churn10m], check=True)
        subprocess.run([make, "churn", "1000000", churn1m], check=True)
        subprocess.run([make, "churn", "200000", churn200k], check=True)
        subprocess.run([make, "graph", "200000", graph200k], check=True)
        runs = commands(os.path.join(build, "gcsim"), churn10m, churn1m, churn200k, graph200k,
                        os.path.join(folder, "state.csv"))
        # The command as a reader would type it: no build or temporary folders.
        results = [{"name": name, "command": " ".join(os.path.basename(a) for a in argv),
                    "runs": []} for name, argv in runs]
        for _ in range(repetitions):
            for result, (_, argv) in zip(results, runs):
                result["runs"].append(run_once(argv, folder))
    with open(out, "w") as f:
        json.dump({"cli_runs": results}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:]))
