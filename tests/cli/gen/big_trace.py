#!/usr/bin/env python3
"""Writes the large traces the CLI cases make at test time (too big to commit).

  big_trace.py chain N OUT      ids 0..N-1: a chain 0 -> 1 -> ... -> N-1, each object held only
                                by its predecessor; the tail named once (one reachability walk
                                over the whole chain), a collection that marks it all, then the
                                head dropped and a collection that frees all N objects.
  big_trace.py chain-holds N OUT
                                the same chain, then N/10 pairs: a member held (reachable only
                                through the chain) and dropped again, members spread over the
                                chain; a collection that marks all N, then the head dropped and
                                a collection that frees all N.
                                Each pair shrinks what the program holds, then names an object
                                it does not hold: walking the chain per pair is quadratic
                                (6.4e8 objects visited for N = 80,000).
  big_trace.py fanout N OUT     object 0 points to objects 1..N (held while it does); then the
                                pointers are removed oldest first, each target dropped after
                                its unref, and a collection frees the N targets. Object 0 stays.
  big_trace.py long-line B OUT  a header and one `mark` event line of B bytes (no newline in it).
  big_trace.py long-string-gz B OUT
                                a gzipped .json trace whose one `mark` label is B bytes long
                                (B = 80 MiB is 80 KB gzipped).
  big_trace.py deep-event N OUT, deep-line N OUT, deep-header N OUT, deep-skipped N OUT,
  big_trace.py deep-schema N OUT
                                N nested arrays: in an event's "size" (.json; deep-line: .jsonl),
                                as the header's "name", under an unknown top-level key, or as a
                                sweep result's "schema".
  big_trace.py garbled-log N OUT
                                a debug log: a heap layout, then N gc-looking lines of 2,000
                                bytes that fit no line shape (each one an import warning).

Each event is written as soon as it is made: memory stays small whatever N or B is.
"""
import sys

HEADER = '{"format":"gcsim-trace","version":1,"name":"%s","geometry":"k210"}\n'


def chain(n, out):
    out.write(HEADER % "chain")
    out.write('{"op":"alloc","id":0,"size":16}\n')
    for i in range(1, n):
        out.write('{"op":"alloc","id":%d,"size":16}\n' % i)
        out.write('{"op":"ref","from":%d,"to":%d}\n' % (i - 1, i))
        if i > 1:
            out.write('{"op":"drop","id":%d}\n' % (i - 1))
    out.write('{"op":"drop","id":%d}\n' % (n - 1))
    out.write('{"op":"hold","id":%d}\n' % (n - 1))  # reachable through the whole chain
    out.write('{"op":"drop","id":%d}\n' % (n - 1))
    out.write('{"op":"collect"}\n')  # marks all n
    out.write('{"op":"drop","id":0}\n')
    out.write('{"op":"collect"}\n')  # frees all n


def chain_holds(n, out):
    out.write(HEADER % "chain-holds")
    out.write('{"op":"alloc","id":0,"size":16}\n')
    for i in range(1, n):
        out.write('{"op":"alloc","id":%d,"size":16}\n' % i)
        out.write('{"op":"ref","from":%d,"to":%d}\n' % (i - 1, i))
        if i > 1:
            out.write('{"op":"drop","id":%d}\n' % (i - 1))
    out.write('{"op":"drop","id":%d}\n' % (n - 1))
    for k in range(n // 10):
        member = 1 + k * 7919 % (n - 1)
        out.write('{"op":"hold","id":%d}\n' % member)
        out.write('{"op":"drop","id":%d}\n' % member)
    out.write('{"op":"collect"}\n')  # marks all n
    out.write('{"op":"drop","id":0}\n')
    out.write('{"op":"collect"}\n')  # frees all n


def fanout(n, out):
    out.write(HEADER % "fanout")
    out.write('{"op":"alloc","id":0,"size":%d}\n' % (8 * n))  # a list of n pointers
    for i in range(1, n + 1):
        out.write('{"op":"alloc","id":%d,"size":16}\n' % i)
        out.write('{"op":"ref","from":0,"to":%d}\n' % i)
    out.write('{"op":"collect"}\n')  # marks n + 1, frees nothing
    for i in range(1, n + 1):
        out.write('{"op":"unref","from":0,"to":%d}\n' % i)
        out.write('{"op":"drop","id":%d}\n' % i)
    out.write('{"op":"collect"}\n')  # frees the n targets


def long_line(n_bytes, out):
    out.write(HEADER % "long-line")
    prefix, suffix = '{"op":"mark","label":"', '"}'
    out.write(prefix)
    left = n_bytes - len(prefix) - len(suffix)
    chunk = "a" * (1 << 20)
    while left > 0:
        out.write(chunk[:min(left, len(chunk))])
        left -= len(chunk)
    out.write(suffix + "\n")


def long_string_gz(n_bytes, out):
    out.write('{"format":"gcsim-trace","version":1,"geometry":"k210","events":[')
    out.write('{"op":"mark","label":"')
    chunk = "a" * (1 << 20)
    for _ in range(n_bytes // len(chunk)):
        out.write(chunk)
    out.write('"}]}\n')


def nested(n):
    return "[" * n + "]" * n


def deep_event(n, out):
    out.write('{"format":"gcsim-trace","version":1,"geometry":"k210","events":[')
    out.write('{"op":"alloc","id":0,"size":%s}]}\n' % nested(n))


def deep_line(n, out):
    out.write(HEADER % "deep")
    out.write('{"op":"alloc","id":0,"size":%s}\n' % nested(n))


def deep_header(n, out):
    out.write('{"format":"gcsim-trace","version":1,"name":%s,"events":[]}\n' % nested(n))


def deep_skipped(n, out):
    out.write('{"format":"gcsim-trace","version":1,"x-extra":%s,"events":[]}\n' % nested(n))


def deep_schema(n, out):
    out.write('{"schema":%s}\n' % nested(n))


def garbled_log(n, out):
    out.write("Initializing GC heap: 5555555be2d0..5555555de2c0 = 131056 bytes\n"
              "GC layout:\n"
              "  alloc table at 5555555be2d0, length 1012 bytes, 4048 blocks\n"
              "  finaliser table at 5555555be6c4, length 506 bytes, 4048 blocks\n"
              "  pool at 5555555be8c0, length 129536 bytes, 4048 blocks\n")
    line = "gc_alloc(" + "x" * 1990 + "\n"
    for _ in range(n):
        out.write(line)


def main():
    kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    make = {"chain": chain, "chain-holds": chain_holds, "fanout": fanout, "long-line": long_line,
            "long-string-gz": long_string_gz, "deep-event": deep_event, "deep-line": deep_line,
            "deep-header": deep_header, "deep-skipped": deep_skipped,
            "deep-schema": deep_schema, "garbled-log": garbled_log}[kind]
    if path.endswith(".gz"):
        import gzip
        with gzip.open(path, "wt", compresslevel=6) as out:
            make(count, out)
        return
    with open(path, "w", buffering=1 << 20) as out:
        make(count, out)


if __name__ == "__main__":
    main()
