#!/usr/bin/env bash
# The main job on a bundled trace: installs what is missing, builds, and replays
# traces/jpeg-classify.jsonl (a MaixPy JPEG → resize → pix_to_ai loop) on the K210 preset with
# the 262,144-byte GC heap the MaixPy docs suggest for big models: collections, MemoryErrors
# and their classes. Extra arguments go to gcsim replay (e.g. --heap-size 1000000).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh" build >/dev/null
"$root/build/gcsim" replay "$root/traces/jpeg-classify.jsonl" --heap-size 262144 "$@"
