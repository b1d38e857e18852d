# Brute-force N-queens for gcsim's recording benchmark (bench/record_runs.py): every
# permutation of the columns is built as a tuple from slices of a list, and checked with two
# set comprehensions, so the program allocates short-lived tuples, lists, sets and generators
# at a high rate and keeps almost nothing.
import sys


def permutations(pool):
    if len(pool) <= 1:
        yield tuple(pool)
        return
    for i in range(len(pool)):
        rest = pool[:i] + pool[i + 1:]
        for tail in permutations(rest):
            yield (pool[i],) + tail


def solutions(n):
    cols = range(n)
    for board in permutations(list(cols)):
        if n == len({board[c] + c for c in cols}) == len({board[c] - c for c in cols}):
            yield board


n = int(sys.argv[1]) if len(sys.argv) > 1 else 6
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
for _ in range(runs):
    count = len(list(solutions(n)))
print(n, "queens:", count, "solutions")
