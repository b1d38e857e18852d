#!/usr/bin/env bash
# The main job on a bundled trace: installs what is missing, builds the gcsim binary only (no
# tests, no benchmarks), and replays traces/jpeg-classify.jsonl (a MaixPy JPEG → resize →
# pix_to_ai loop) on the K210 preset with the 262,144-byte GC heap the MaixPy docs suggest for
# big models: collections, MemoryErrors and their classes. Extra arguments go to gcsim replay
# (e.g. --heap-size 1000000). Progress goes to stderr, the replay to stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
start=$SECONDS
GCSIM_TARGET=gcsim bash "$root/tools/build.sh" build -DGCSIM_BUILD_TESTS=OFF >&2
echo "gcsim: built in $((SECONDS - start)) s; replaying traces/jpeg-classify.jsonl" >&2
"$root/build/gcsim" replay "$root/traces/jpeg-classify.jsonl" --heap-size 262144 "$@"
