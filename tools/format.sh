#!/usr/bin/env bash
# Formats every tracked C++ file with clang-format (.clang-format at the top); --check only
# lists the files that are not formatted and exits 1 if there are any (CI runs it that way).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [[ ${1:-} == --check ]]; then
  bad=()
  for f in "${files[@]}"; do
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  [[ ${#bad[@]} -eq 0 ]] && exit 0
  printf 'not formatted (run bash tools/format.sh): %s\n' "${bad[@]}" >&2
  exit 1
fi
clang-format -i "${files[@]}"
