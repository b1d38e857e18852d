#!/usr/bin/env python3
"""The progress line on a terminal: drawn while a long replay runs, and erased before the
summary (or a warning) is printed, not after it.

    progress_test.py GCSIM TESTS_DIR

Runs `gcsim replay` and `gcsim report` of a 1,000,000-object chain (tests/cli/gen/big_trace.py)
on a heap it fits (about 1.5 s each) with stdout and stderr on one pseudo-terminal, and checks the bytes in the order the
terminal got them: the last erase ("\\r\\033[K") comes before the command's own first line.
Exits 77 (skipped) if the replay was too quick for the line to be drawn (it waits a second)."""
import os
import pty
import subprocess
import sys
import tempfile

ERASE = b"\r\x1b[K"
HEAP = "37748736"  # the chain's million 32-byte objects fit (tests/cli/cases/scale_chain_1e6)


def on_terminal(argv):
    leader, follower = pty.openpty()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    got = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        got += chunk
    os.close(leader)
    return process.wait(), got


def main(gcsim, tests):
    with tempfile.TemporaryDirectory() as folder:
        trace = os.path.join(folder, "chain.jsonl")
        subprocess.run([sys.executable, os.path.join(tests, "cli/gen/big_trace.py"), "chain",
                        "1000000", trace], check=True)
        runs = {"replay": ([gcsim, "replay", trace, "--heap-size", HEAP, "--no-chart"], b"gcsim replay "),
                "report": ([gcsim, "report", trace, "--heap-size", HEAP, "-o",
                               os.path.join(folder, "r.html")],
                           os.path.join(folder, "r.html").encode() + b": ")}
        drawn = 0
        for name, (argv, first_line) in runs.items():
            code, got = on_terminal(argv)
            assert code == 0, (name, code, got[-500:])
            start = got.find(first_line)
            assert start >= 0, (name, got[-500:])
            if ERASE not in got:
                continue
            drawn += 1
            assert got.rfind(ERASE) < start, f"{name}: the progress line is erased after the output"
            assert b"events/s" not in got[start:], f"{name}: progress drawn after the output"
            print(f"{name}: progress drawn and erased before the output")
        if drawn == 0:
            print("skipped: the replays took under a second, so no progress line was drawn")
            return 77
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
