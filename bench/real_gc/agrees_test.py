#!/usr/bin/env python3
"""Is bench_real_gc the real collector driven right? Its per-event mem_alloc, mem_free, max_free
and collections must equal `gcsim replay --csv`'s, event by event, at 512 KiB, on a graph-shaped
trace (make_bench_trace graph) and on a recording of bench/record/queens.py; no ref may have
lacked a word to live in (bench_real_gc warns then); and its CSV must be the oracle's own, byte
for byte, for every v1.11 run of tests/oracle/data/ (the harness that made those drove the
same gc.c the same way).

    agrees_test.py GCSIM BENCH_REAL_GC MAKE_BENCH_TRACE MICROPYTHON_TREE RECORD_CACHE ORACLE_DATA

The recording is made here with `gcsim record` from MICROPYTHON_TREE; the recorder build is kept
in RECORD_CACHE (the first run builds it, about a minute)."""
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile

HEAP = "524288"
COLUMNS = ("mem_alloc", "mem_free", "max_free", "collections")
QUEENS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "record", "queens.py")


def first_difference(gcsim_csv, real_csv):
    with open(gcsim_csv) as a, open(real_csv) as b:
        rows_a, rows_b = list(csv.DictReader(a)), list(csv.DictReader(b))
    if len(rows_a) != len(rows_b):
        return f"{len(rows_a)} rows from gcsim, {len(rows_b)} from bench_real_gc"
    for x, y in zip(rows_a, rows_b):
        wrong = [f"{k} {x[k]} vs {y[k]}" for k in COLUMNS if x[k] != y[k]]
        if wrong:
            return f"event {x['event']} ({x['op']}): gcsim vs real: {', '.join(wrong)}"
    return None


def check(name, trace, gcsim, real_gc, folder):
    gcsim_csv, real_csv = (os.path.join(folder, f"{name}.{who}.csv") for who in ("gcsim", "real"))
    subprocess.run([gcsim, "replay", trace, "--heap-size", HEAP, "--quiet", "--csv", gcsim_csv],
                   check=True)
    out = subprocess.run([real_gc, trace, "--heap-size", HEAP, "--csv", real_csv], check=True,
                         capture_output=True, text=True).stdout
    print(f"{name}: {out.strip()}")
    problem = first_difference(gcsim_csv, real_csv)
    if "warning" in out:
        problem = problem or "bench_real_gc could not store every ref"
    if problem:
        print(f"FAIL {name}: {problem}")
        return False
    print(f"ok {name}: every event agrees")
    return True


def check_oracle(real_gc, data, folder):
    with open(os.path.join(data, "index.json")) as f:
        runs = [r for r in json.load(f)["runs"] if r["micropython"] == "v1.11"]
    ok = True
    for run in runs:
        trace = os.path.join(data, os.path.basename(run["trace_file"]))
        real_csv = os.path.join(folder, "oracle.csv")
        subprocess.run([real_gc, trace, "--heap-size", str(run["heap_bytes"]), "--csv", real_csv],
                       check=True, stdout=subprocess.DEVNULL)
        with open(real_csv) as mine, gzip.open(
                os.path.join(data, os.path.basename(run["files"]["csv"])), "rt") as theirs:
            same = mine.read() == theirs.read()
        name = f"oracle {os.path.basename(trace)} at {run['heap_bytes']}"
        print(f"{'ok' if same else 'FAIL'} {name}: " + ("the oracle's CSV, byte for byte"
                                                         if same else "differs from the oracle's"))
        ok = ok and same
    return ok


def main(gcsim, real_gc, make_trace, tree, cache, oracle_data):
    with tempfile.TemporaryDirectory() as folder:
        graph = os.path.join(folder, "graph.jsonl")
        subprocess.run([make_trace, "graph", "60000", graph], check=True)
        queens = os.path.join(folder, "queens.jsonl")
        # Six queens once: about 50,000 events, nearly all of them allocations and drops.
        env = dict(os.environ, XDG_CACHE_HOME=cache)
        subprocess.run([gcsim, "record", "-q", "--micropython", tree, "-o", queens, QUEENS,
                        "6", "1"], check=True, env=env, stdout=subprocess.DEVNULL)
        ok = [check(name, trace, gcsim, real_gc, folder)
              for name, trace in (("graph", graph), ("queens", queens))]
        ok.append(check_oracle(real_gc, oracle_data, folder))
    return 0 if all(ok) else 1


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
