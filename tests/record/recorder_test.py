"""gcsim record on small scripts, checked against what each script itself printed or did:

- the script's own gc calls are events where it made them, and nothing else calls gc;
- an OBSERVE line's mark is where the script read the heap: replayed on the recording heap
  with no collection before it, the trace's mem_alloc at each mark is the figure the line
  printed;
- the same script recorded twice gives the same trace;
- the script imports its neighbours from the current folder, and gets its arguments;
- a script that fails, or exits with a status, leaves no trace and says why (exit 2).

Usage: recorder_test.py GCSIM TESTS_DIR TARBALL CACHE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recorder_env  # noqa: E402

GC_CALLS = """\
import gc
import helper
x = [helper.word(i) for i in range(50)]
gc.threshold(8192)
y = bytearray(100)
gc.disable()
z = bytearray(200)
gc.enable()
x = None
gc.collect()
gc.threshold(-1)
w = bytearray(300)
"""

HELPER = """\
def word(i):
    return 'w%d' % i
"""

OBSERVED = """\
import sys
from gcsim_probe import observe
observe('start')
keep = []
for n in range(int(sys.argv[1])):
    keep.append(bytearray(n * 10))
    text = 'frame %d' % n
    observe('frame %d' % n)
keep = None
observe('end')
"""

FAILING = "x = [1, 2]\nraise ValueError('on purpose')\n"
EXITING = "import sys\nsys.exit(3)\n"


def record(gcsim, env, work, *argv):
    out = os.path.join(work, "t.jsonl")
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run([gcsim, "record", "-q", "-o", out] + list(argv), cwd=work, env=env,
                         capture_output=True, text=True)
    return run, out


def events(trace):
    with open(trace) as f:
        lines = [json.loads(line) for line in f]
    return lines[0], lines[1:]


def check(failures, ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    gcsim, tests_dir, tarball, cache = (os.path.abspath(a) for a in sys.argv[1:5])
    env = recorder_env.prepare(gcsim, tarball, cache)
    failures = []
    work = tempfile.mkdtemp(prefix="gcsim-recorder-")
    try:
        for name, text in (("gc_calls.py", GC_CALLS), ("helper.py", HELPER),
                           ("observed.py", OBSERVED), ("failing.py", FAILING),
                           ("exiting.py", EXITING)):
            with open(os.path.join(work, name), "w") as f:
                f.write(text)
        shutil.copy(os.path.join(tests_dir, "../tools/gcsim_probe.py"), work)

        run, trace = record(gcsim, env, work, "gc_calls.py")
        check(failures, run.returncode == 0, f"gc_calls.py records ({run.stderr.strip()})")
        header, evs = events(trace)
        check(failures, header["recorded"]["liveness"] == "every-allocation",
              "the header says the liveness holds everywhere")
        calls = [e for e in evs if e["op"] in ("threshold", "disable", "enable", "collect")]
        check(failures, calls == [{"op": "threshold", "amount": 8192}, {"op": "disable"},
                                  {"op": "enable"}, {"op": "collect"},
                                  {"op": "threshold", "amount": -1}],
              f"the script's gc calls, in order, nothing else: {calls}")
        # Each call sits before the bytearray made after it (sizes 100, 200, 300).
        sizes = [e.get("size") for e in evs if e["op"] in ("alloc", "threshold", "disable",
                                                           "enable", "collect")]
        order = [s for s in sizes if s in (100, 200, 300) or s is None]
        check(failures, order == [None, 100, None, 200, None, None, None, 300],
              f"calls and the bytearrays they surround in the order they ran: {order}")
        check(failures, evs[-1]["op"] == "alloc" and evs[-1]["size"] == 300,
              f"the last allocation (w's 300 bytes) is in the trace: {evs[-1]}")
        dropped = {e["id"] for e in evs if e["op"] == "drop"}
        words = [e["id"] for e in evs if e["op"] == "alloc" and e.get("type") == "str"]
        collect_at = next(i for i, e in enumerate(evs) if e["op"] == "collect")
        dropped_before_collect = {e["id"] for e in evs[:collect_at] if e["op"] == "drop"}
        check(failures, len(words) >= 50 and set(words[-50:]) <= dropped_before_collect,
              "the 50 strings `x` held are dropped before gc.collect() (x = None before it)")
        check(failures, dropped <= {e["id"] for e in evs if e["op"] == "alloc"},
              "every drop names an allocated id")

        run1, t1 = record(gcsim, env, work, "observed.py", "12")
        with open(t1) as f:
            first = f.read()
        run2, t2 = record(gcsim, env, work, "observed.py", "12")
        with open(t2) as f:
            second = f.read()
        check(failures, run1.returncode == 0 and first == second,
              "the same script and arguments give the same trace, byte for byte")

        # OBSERVE marks: replayed on the recording heap (no collection happens at 512K), the
        # trace's mem_alloc at each mark is what the line printed.
        run = subprocess.run([gcsim, "record", "-o", t2, "observed.py", "12"], cwd=work,
                             env=env, capture_output=True, text=True)
        # A label runs to the line's two numbers: `OBSERVE frame 1 …` is the mark `frame 1`.
        printed = [line.split() for line in run.stdout.splitlines()
                   if line.startswith("OBSERVE")]
        header, evs = events(t2)
        rec = header["recorded"]
        subprocess.run([gcsim, "replay", t2, "--quiet", "--heap-size", str(rec["heap_bytes"]),
                        "--start-offset", str(rec["start_offset"]), "--csv",
                        os.path.join(work, "s.csv")], check=True)
        with open(os.path.join(work, "s.csv")) as f:
            mem_alloc = [int(row.split(",")[2]) for row in f.read().splitlines()[1:]]
        marks = [(i, e["label"]) for i, e in enumerate(evs) if e["op"] == "mark"]
        got = [(label, mem_alloc[i]) for i, label in marks]
        want = [(" ".join(p[1:-2]), int(p[-2])) for p in printed]
        check(failures, len(want) == 14 and got == want,
              f"mem_alloc at each mark is the OBSERVE line's: {got[:3]}… vs {want[:3]}…")

        for script, status in (("failing.py", 1), ("exiting.py", 3)):
            run, out = record(gcsim, env, work, script)
            check(failures, run.returncode == 2 and not os.path.exists(out) and
                  f"exited with status {status}" in run.stderr.splitlines()[-1],
                  f"{script}: exit 2, no trace, the status named ({run.stderr.splitlines()[-1]})")
    finally:
        shutil.rmtree(work)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
