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


def main():
    kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    make = {"chain": chain, "chain-holds": chain_holds, "fanout": fanout, "long-line": long_line}[kind]
    with open(path, "w", buffering=1 << 20) as out:
        make(count, out)


if __name__ == "__main__":
    main()
