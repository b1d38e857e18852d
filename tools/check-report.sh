#!/usr/bin/env bash
# Opens gcsim's HTML report in headless Chromium and checks the DOM the browser built: both
# curve charts are there (each drawn wide and narrow), with one tick per collection and one
# marker per MemoryError, and the heap maps are drawn. Then a sweep's page (`gcsim sweep
# --html`): one chart per cell, whose ticks and markers stand for (data-count) as many
# collections and MemoryErrors as the cells of the same run's --json. Every page is also laid
# out at 1400 and 420 px wide (tools/check_layout.py): nothing may be wider than the window, no
# text may sit on other text or on a chart's plot, and at 420 px no chart text is drawn under
# 9 px; screenshots of both widths land in the temporary folder (kept, and named, with --keep).
# Installs Chromium (the Debian package `chromium`) if it is missing.
#
#   tools/check-report.sh [GCSIM] [--screenshot] [--keep]
#     GCSIM         the gcsim binary (default: build/gcsim)
#     --screenshot  also write docs/report.png: the demo trace's report, 1280×2000
#     --keep        keep the pages and screenshots (the folder is named at the end)
#
# Checked: tests/cli/data/classes.jsonl at --heap-size 4096 (4 collections, 3 MemoryErrors),
# and the demo trace (traces/camera-preview.jsonl, or tests/oracle/data/fragmentation.jsonl
# where it is missing) at --heap-size 65536, against the counts `gcsim replay --json` gives;
# and a sweep of classes.jsonl and fragmentation.jsonl over thresholds off, quarter, 1000 ×
# heaps 4096, 16K (12 charts, some with more collections than pixels). For the layout only:
# traces/jpeg-classify.jsonl at 256K (40 mark labels, 80 MemoryErrors first, 119 collections)
# and the demo trace at 1M (free runs of thousands of blocks: wide histogram labels).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gcsim=$root/build/gcsim
screenshot=0
keep=0
for arg in "$@"; do
  case $arg in
    --screenshot) screenshot=1 ;;
    --keep) keep=1 ;;
    *) gcsim=$arg ;;
  esac
done

if ! command -v chromium >/dev/null; then
  sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get install -y chromium >/dev/null || { $sudo apt-get update >/dev/null &&
    $sudo apt-get install -y chromium >/dev/null; }
fi

tmp=$(mktemp -d)
if [[ $keep == 1 ]]; then trap 'echo "pages and screenshots: $tmp"' EXIT; else trap 'rm -rf "$tmp"' EXIT; fi
browser() {  # browser OUTPUT-FLAG... FILE: headless, offline, a throwaway profile
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@" 2>>"$tmp/chromium.log"
}

failed=0
fail() { echo "FAIL: $*"; failed=1; }
# layout NAME: $tmp/NAME.html at 1400 and 420 px wide; screenshots $tmp/NAME-{1400,420}.png.
layout() {
  python3 "$root/tools/check_layout.py" "$tmp/$1.html" "$tmp" 1400 420 ||
    fail "$1: the layout (above)"
}
# count FILE SVG-ID CLASS: elements of class CLASS inside <svg id=SVG-ID> of the dumped DOM.
count() {
  sed -n "/<svg[^>]* id=\"$2\"/,/<\/svg>/p" "$1" | { grep -o "class=\"$3[\" ]" || true; } | wc -l
}
# check_report NAME TRACE COLLECTIONS FAILURES [gcsim report options]
check_report() {
  local name=$1 trace=$2 collections=$3 failures=$4
  shift 4
  "$gcsim" report "$trace" -o "$tmp/$name.html" --quiet "$@"
  browser --dump-dom "file://$tmp/$name.html" >"$tmp/$name.dom.html"
  grep -q '<svg[^>]* id="chart-events"' "$tmp/$name.dom.html" || fail "$name: no svg#chart-events"
  for chart in chart-events chart-bytes chart-events-narrow chart-bytes-narrow; do
    local ticks markers
    ticks=$(count "$tmp/$name.dom.html" "$chart" collection-tick)
    markers=$(count "$tmp/$name.dom.html" "$chart" failure-marker)
    [[ $ticks == "$collections" ]] || fail "$name: $chart has $ticks collection ticks, want $collections"
    [[ $markers == "$failures" ]] || fail "$name: $chart has $markers failure markers, want $failures"
  done
  grep -q '<svg[^>]* id="peak-map-tiles"' "$tmp/$name.dom.html" || fail "$name: no heap tiles at the peak"
  echo "$name: $collections collection ticks, $failures failure markers"
  layout "$name"
}

check_report classes "$root/tests/cli/data/classes.jsonl" 4 3 --heap-size 4096

demo=$root/traces/camera-preview.jsonl
[[ -f $demo ]] || demo=$root/tests/oracle/data/fragmentation.jsonl
"$gcsim" replay "$demo" --heap-size 65536 --json "$tmp/demo.json" --quiet
read -r collections failures < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["collections"]["total"], s["failures"]["total"])' "$tmp/demo.json")
check_report demo "$demo" "$collections" "$failures" --heap-size 65536

if [[ -f $root/traces/jpeg-classify.jsonl ]]; then
  "$gcsim" report "$root/traces/jpeg-classify.jsonl" --heap-size 256K -o "$tmp/marks.html" --quiet
  layout marks
fi
"$gcsim" report "$demo" --heap-size 1M -o "$tmp/long-runs.html" --quiet
layout long-runs

# check_sweep NAME SWEEP-ARGS...: the page's charts, ticks and markers against the --json.
check_sweep() {
  local name=$1
  shift
  "$gcsim" sweep "$@" --quiet --html "$tmp/$name.html" --json "$tmp/$name.json"
  browser --dump-dom "file://$tmp/$name.html" >"$tmp/$name.dom.html"
  local want got
  want=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["cells_total"], sum(c["collections"]["total"] for c in d["cells"]),
      sum(c["failures"]["total"] for c in d["cells"]))' "$tmp/$name.json")
  # sum_counts CLASS: the data-count of every element of CLASS in the dumped DOM.
  sum_counts() {
    { grep -o "class=\"$1[^\"]*\" data-count=\"[0-9]*\"" "$tmp/$name.dom.html" || true; } |
      sed 's/.*data-count="//; s/"//' | awk '{ n += $1 } END { print n + 0 }'
  }
  got="$({ grep -o '<svg[^>]* class="curve-chart"' "$tmp/$name.dom.html" || true; } | wc -l) \
$(sum_counts collection-tick) $(sum_counts failure-marker)"
  [[ $got == "$want" ]] || fail "$name: charts, collections, MemoryErrors: $got, want $want"
  echo "$name: $want (charts, collections, MemoryErrors)"
  layout "$name"
}

check_sweep sweep "$root/tests/cli/data/classes.jsonl" "$root/tests/oracle/data/fragmentation.jsonl" \
  --thresholds off,quarter,1000 --heap-sizes 4096,16K

if [[ $screenshot == 1 ]]; then
  mkdir -p "$root/docs"
  (cd "$root" && "$gcsim" report "${demo#"$root"/}" --heap-size 65536 -o "$tmp/report.html" --quiet)
  browser --screenshot="$root/docs/report.png" --window-size=1280,2000 "file://$tmp/report.html" \
    >/dev/null
  echo "wrote docs/report.png"
fi
exit $failed
