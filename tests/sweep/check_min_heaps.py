#!/usr/bin/env python3
"""The minimum heap of every bundled trace holds (ctest: sweep.min_heaps).

Usage: check_min_heaps.py GCSIM TRACES_DIR

`gcsim sweep --min-heap` over every trace in traces/ at the k210's own threshold (port: off),
then, replayed as ordinary sweep cells (the driver and recorder, not the scan's replays):

- every heap from each trace's reported minimum up to 1 MiB in 4 KiB steps, and 1 MiB itself,
  has no MemoryError, and the heap one byte below the minimum has one;
- each island's first and last heap has its verdict (a passing run passes, a failing one fails),
  and jpeg-classify has its fragmentation island (596,992 and 604,800 bytes fail,
  588,800 and 612,992 pass);
- the scan's time is printed (bench/README's figure comes from here).

Skipped (exit 77) when gcsim is built with AddressSanitizer: the scan replays the traces some
12,000 times; the unit tests (tests/unit/sweep/heap_scan_test.cpp) check the scan under the
sanitizers against full replays on smaller traces.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

GCSIM, TRACES = sys.argv[1], sys.argv[2]
MIB = 1 << 20

if b"libasan" in subprocess.run(["ldd", GCSIM], capture_output=True).stdout:
    print("skipped: gcsim is built with AddressSanitizer")
    sys.exit(77)


def sweep(args):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        p = subprocess.run([GCSIM, "sweep", *args, "--json", out, "--quiet"], capture_output=True, text=True)
        assert p.returncode == 0, (args, p.stderr)
        return json.load(open(out))


def failures_by_heap(trace, heaps):
    """Each heap's MemoryErrors at threshold off, replayed as sweep cells (at most 1,024 a run)."""
    out = {}
    for i in range(0, len(heaps), 1000):
        doc = sweep([trace, "--thresholds", "off", "--heap-sizes", ",".join(map(str, heaps[i:i + 1000]))])
        out.update({c["heap_bytes"]: c["failures"]["total"] for c in doc["cells"]})
    return out


traces = sorted(glob.glob(os.path.join(TRACES, "*.json*")))
assert len(traces) >= 9, traces
start = time.monotonic()
doc = sweep([*traces, "--thresholds", "port", "--heap-sizes", "port", "--min-heap"])
seconds = time.monotonic() - start
assert doc["grid"]["thresholds"] == ["off"], doc["grid"]  # port is off on the k210
searches = {m["trace"]: m for m in doc["min_heap"]}
assert len(searches) == len(traces)

for trace, m in zip(traces, doc["min_heap"]):
    name = m["trace"]
    assert m["searched_to_bytes"] == MIB, m
    low = m["heap_bytes"]
    assert low is not None and low < MIB, m
    holds = list(range(low, MIB, 4096)) + [MIB]
    got = failures_by_heap(trace, holds + [low - 1])
    bad = [h for h in holds if got[h] != 0]
    assert not bad, f"{name}: heaps from {low} fail: {bad[:5]}"
    assert got[low - 1] > 0, f"{name}: {low - 1} passes, below the minimum {low}"
    ends = [h for run in m["islands"] for h in (run["from_bytes"], run["to_bytes"])]
    got = failures_by_heap(trace, ends) if ends else {}
    for run in m["islands"]:
        for h in (run["from_bytes"], run["to_bytes"]):
            assert (got[h] == 0) == run["passes"], f"{name}: island {run} at {h}: {got[h]} MemoryErrors"
    print(f"{name}: holds from {low:,} ({len(holds)} heaps to 1 MiB checked), smallest passing "
          f"{m['smallest_passing_bytes']:,}, {len(m['islands'])} island runs, {m['replays']:,} replays")

jpeg = searches["jpeg-classify"]
def verdict(heap):
    for run in jpeg["islands"]:
        if run["from_bytes"] <= heap <= run["to_bytes"]:
            return "pass" if run["passes"] else "fail"
    return "pass" if heap >= jpeg["heap_bytes"] else None
assert [verdict(h) for h in (588800, 596992, 604800, 612992)] == ["pass", "fail", "fail", "pass"], jpeg
assert any(r["failures"]["fragmentation"] for r in jpeg["islands"] if not r["passes"]), jpeg

print(f"min-heap scan of {len(traces)} traces at threshold off: {seconds:.1f} s wall")
