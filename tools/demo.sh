#!/usr/bin/env bash
# The main job on a bundled trace: installs what is missing, builds, and replays
# traces/camera-preview.jsonl on the K210 preset (extra arguments go to gcsim replay).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/build.sh" build >/dev/null
"$root/build/gcsim" geometry k210 "$@"
