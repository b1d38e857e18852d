#!/usr/bin/env python3
"""What a recording costs (bench/results.md, tools/bench.sh): each script run plain and under
`gcsim record`, interleaved, with wall and CPU time (the children's user + system: MicroPython's
and gcsim's), the trace's events and size.

    record_runs.py GCSIM OUT.json [REPETITIONS] [SCRIPT [ARGS...] ...]

Needs GCSIM_MICROPYTHON (the v1.11 tree gcsim record builds from). "Plain" is the same
interpreter `gcsim record` runs (`gcsim record --interpreter`), with the recorder off: the cost
measured is the recording's, not the build's. The scripts: bench/record/queens.py (20 runs of
6 queens), the three scripts of tests/record/ under their wrapper at threshold off, and any
given on the command line as one argument each ("path/to/driver.py arg1 arg2")."""
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def workloads(extra):
    mpy_logs = os.path.join(ROOT, "tests/oracle/mpy-logs")
    runs = [("queens, 20 x 6 queens", [os.path.join(ROOT, "bench/record/queens.py"), "6", "20"],
             [])]
    for script in ("a_camera_preview", "c_bigbuf_churn", "e_list_growth"):
        runs.append((f"{script} (wrap.py, threshold off)",
                     ["wrap.py", "-000001", script],
                     [os.path.join(ROOT, "tests/record/data/wrap.py"),
                      os.path.join(mpy_logs, script + ".py")]))
    for line in extra:
        argv = line.split()
        runs.append((os.path.basename(argv[0]), [os.path.abspath(argv[0])] + argv[1:], []))
    return runs


def timed(argv, cwd, env):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu}


def main(gcsim, out, repetitions=5, *extra):
    gcsim = os.path.abspath(gcsim)
    repetitions = int(repetitions)
    interpreter = subprocess.run([gcsim, "record", "--interpreter"], check=True,
                                 capture_output=True, text=True).stdout.strip()
    plain_env = {"HOME": "/root"}
    results = []
    with tempfile.TemporaryDirectory() as folder:
        runs = workloads(extra)
        for name, argv, files in runs:
            for f in files:
                shutil.copy(f, folder)
            results.append({"name": name, "plain": [], "record": []})
        trace = os.path.join(folder, "trace.jsonl")
        for _ in range(repetitions):
            for result, (_, argv, _) in zip(results, runs):
                result["plain"].append(timed([interpreter] + argv, folder, plain_env))
                result["record"].append(
                    timed([gcsim, "record", "-q", "-o", trace] + argv, folder, os.environ))
                with open(trace) as f:
                    result["events"] = sum(1 for _ in f) - 1
                result["trace_bytes"] = os.path.getsize(trace)
    for r in results:
        plain = statistics.median(run["wall_s"] for run in r["plain"])
        record = statistics.median(run["wall_s"] for run in r["record"])
        print(f"{r['name']}: plain {plain:.3f} s, recorded {record:.3f} s ({record / plain:.1f}x)",
              file=sys.stderr)
    with open(out, "w") as f:
        json.dump({"record_runs": results}, f, indent=1)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
