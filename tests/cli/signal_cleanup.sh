#!/usr/bin/env bash
# Does an interrupted run leave no file behind? gcsim replays a big trace (made here) with
# outputs; once their temporaries exist it gets SIGINT, SIGTERM or SIGHUP, and must die of that
# signal (exit 128 + N, as a shell expects) with no temporary and no output left.
# Usage: signal_cleanup.sh GCSIM
set -u
gcsim=$1
here=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Job control: a background job of a script would otherwise ignore SIGINT.
set -m
python3 "$here/gen/big_trace.py" chain 300000 "$TMP/chain.jsonl" || exit 1
failed=0
for signal in INT TERM HUP; do
  mkdir "$TMP/out"
  "$gcsim" replay "$TMP/chain.jsonl" --heap-size 16M -q --json "$TMP/out/o.json" \
    --csv "$TMP/out/o.csv" &
  pid=$!
  for _ in $(seq 100); do
    [[ $(ls "$TMP/out" | wc -l) == 2 ]] && break
    sleep 0.05
  done
  kill -s "$signal" "$pid"
  wait "$pid"
  status=$?
  want=$((128 + $(kill -l "$signal")))
  left=$(ls -A "$TMP/out")
  if [[ $status != "$want" ]]; then
    echo "FAIL: SIG$signal: exit $status, want $want"; failed=1
  fi
  if [[ -n $left ]]; then
    echo "FAIL: SIG$signal left: $left"; failed=1
  fi
  rm -rf "$TMP/out"
done
exit $failed
