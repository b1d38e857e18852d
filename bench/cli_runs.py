#!/usr/bin/env python3
"""Timed CLI runs for bench/results.md (tools/bench.sh): the speed targets that are whole
commands, not functions -- a streamed 10,000,000-event replay (wall time, peak memory), a
64-cell sweep of a 1,000,000-event trace on 2 cores (-j 2), and end-to-end replays of a
200,000-event graph-shaped trace and of churn as long, with and without the per-event CSV.

    cli_runs.py BUILD_DIR OUT.json [REPETITIONS]

Generates the traces with BUILD_DIR/bench/make_bench_trace in a temporary folder, runs each
command REPETITIONS times (default 7) interleaved with the others, and writes every run's
wall time and CPU time (the command's alone, in microseconds) and peak resident memory (GNU
time's, of the command alone, from a second run).

Side by side with the real collector, where BUILD_DIR has bench/real_gc/bench_real_gc (built
with GCSIM_MICROPYTHON_SOURCE): bench_real_gc (MicroPython's py/gc.c, gc_info after every
event, the per-event CSV written) on the 200,000-event graph trace and on a recording of
bench/record/queens.py (6 queens, 4 runs: ~200,000 events; needs GCSIM_MICROPYTHON for gcsim
record), each interleaved with `gcsim replay --csv` and `gcsim replay` of the same file at the
same 512 KiB heap. Those runs carry a "compare" key: the trace, its events, and which side."""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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


def side_by_side(gcsim, real_gc, traces, csv):
    """(name, argv, compare) for the real collector and gcsim on each (label, path, events)."""
    runs = []
    for label, trace, events in traces:
        heap = ["--heap-size", "524288"]
        for side, what, argv in (
                ("real", "real py/gc.c, gc_info after every event, per-event CSV written",
                 [real_gc, trace] + heap + ["--csv", csv]),
                ("gcsim_csv", "gcsim, per-event CSV written",
                 [gcsim, "replay", trace, "--quiet"] + heap + ["--csv", csv]),
                ("gcsim", "gcsim, no CSV", [gcsim, "replay", trace, "--quiet"] + heap)):
            runs.append((f"{label}, {events:,} events from .jsonl, 512 KiB: {what}", argv,
                         {"trace": label, "events": events, "side": side}))
    return runs


def record_queens(gcsim, out):
    queens = os.path.join(ROOT, "bench", "record", "queens.py")
    subprocess.run([gcsim, "record", "-q", "-o", out, queens, "6", "4"], check=True,
                   stdout=subprocess.DEVNULL)


def trace_events(path):
    with open(path) as f:
        return sum(1 for _ in f) - 1  # the header line


def spawn(argv):
    """Runs argv with stdout and stderr to /dev/null; its exit status and rusage."""
    null = os.open(os.devnull, os.O_WRONLY)
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, null, 1),
                                       (os.POSIX_SPAWN_DUP2, null, 2)])
    _, status, usage = os.wait4(pid, 0)
    os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"cli_runs.py: {' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    return usage


def run_once(argv, folder):
    # Time: the command spawned alone, its CPU time wait4's (in microseconds). Memory: a second
    # run under GNU time, which reports the command's own peak (the rusage of a child spawned
    # from Python counts the interpreter's pages it shared until exec); timing under GNU time
    # would count its start too, ~5 ms here, an eighth of a 200,000-event replay.
    # Each run starts with nothing left to write back: the real collector's 13 MB CSV, flushed
    # by the kernel during the runs after it, slowed them by up to half on this 2-core VM.
    os.sync()
    start = time.perf_counter()
    usage = spawn(argv)
    wall = time.perf_counter() - start
    usage_file = os.path.join(folder, "usage")
    spawn(["/usr/bin/time", "-f", "%M", "-o", usage_file] + argv)
    with open(usage_file) as f:
        max_rss_kb = f.read().split()[-1]
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "max_rss_mib": int(max_rss_kb) / 1024}


def main(build, out, repetitions=7):
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
        gcsim, csv = os.path.join(build, "gcsim"), os.path.join(folder, "state.csv")
        runs = [(name, argv, None)
                for name, argv in commands(gcsim, churn10m, churn1m, churn200k, graph200k, csv)]
        real_gc = os.path.join(build, "bench", "real_gc", "bench_real_gc")
        if os.path.exists(real_gc):
            traces = [("graph", graph200k, trace_events(graph200k))]
            if os.environ.get("GCSIM_MICROPYTHON"):
                queens = os.path.join(folder, "queens.jsonl")
                record_queens(gcsim, queens)
                traces.append(("queens recording", queens, trace_events(queens)))
            runs += side_by_side(gcsim, real_gc, traces, csv)
        # The command as a reader would type it: no build or temporary folders.
        results = [{"name": name, "command": " ".join(os.path.basename(a) for a in argv),
                    "runs": []} for name, argv, _ in runs]
        for result, (_, _, compare) in zip(results, runs):
            if compare:
                result["compare"] = compare
        for _ in range(repetitions):
            for result, (_, argv, _) in zip(results, runs):
                result["runs"].append(run_once(argv, folder))
    with open(out, "w") as f:
        json.dump({"cli_runs": results}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:]))
