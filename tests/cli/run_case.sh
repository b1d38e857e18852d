#!/usr/bin/env bash
# Runs one CLI test case: tests/cli/cases/NAME.test keeps the command, the exit code and the
# expected output together. Usage: run_case.sh GCSIM CASE_FILE
#
# Case file:
#   # what the case checks (comment lines start with #)
#   cmd: replay data/ok.jsonl --json $TMP/out.json     (run in tests/cli; $TMP is a fresh dir)
#   exit: 0
#   --- stdout              the whole stdout, exactly
#   --- stderr              the whole stderr, exactly
#   --- stdout-has          each line must occur somewhere in stdout
#   --- file out.csv        the whole content of $TMP/out.csv, exactly
#   --- absent out.json     $TMP/out.json must not exist (the section body is ignored)
#   --- tmp-empty           $TMP must hold no file at all (nothing partial left behind)
set -u
gcsim=$1
case_file=$2
here=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
export TMP
trap 'rm -rf "$TMP"' EXIT

cmd=$(sed -n 's/^cmd: //p' "$case_file")
want_exit=$(sed -n 's/^exit: //p' "$case_file")
cd "$here"
eval "\"$gcsim\" $cmd" >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
got_exit=$?
failed=0
fail() { echo "FAIL: $*"; failed=1; }

[[ $got_exit == "$want_exit" ]] || fail "exit code $got_exit, want $want_exit"

# Print the body of section number $1 (1-based) of the case file.
section_body() {
  awk -v n="$1" '/^--- /{k++; next} k==n' "$case_file"
}
# The body as a file's content: its lines, each ending in a newline; nothing for no lines.
as_content() { [[ -z $1 ]] || printf '%s\n' "$1"; }
i=0
while IFS= read -r header; do
  i=$((i + 1))
  read -r kind arg <<<"${header#--- }"
  body=$(section_body "$i")
  case $kind in
    stdout | stderr)
      if ! diff -u <(as_content "$body") "$TMP/.$kind" >"$TMP/.diff"; then
        fail "$kind differs:"; cat "$TMP/.diff"
      fi ;;
    stdout-has)
      while IFS= read -r line; do
        [[ -z $line ]] && continue
        grep -qF -- "$line" "$TMP/.stdout" || fail "stdout lacks: $line"
      done <<<"$body" ;;
    file)
      if [[ ! -f $TMP/$arg ]]; then fail "no file $arg"
      elif ! diff -u <(as_content "$body") "$TMP/$arg" >"$TMP/.diff"; then
        fail "$arg differs:"; cat "$TMP/.diff"
      fi ;;
    absent)
      [[ ! -e $TMP/$arg ]] || fail "$arg exists" ;;
    tmp-empty)
      left=$(find "$TMP" -mindepth 1 ! -name '.stdout' ! -name '.stderr' ! -name '.diff')
      [[ -z $left ]] || fail "left behind: $left" ;;
    *) fail "unknown section '$kind'" ;;
  esac
done < <(grep '^--- ' "$case_file")

if [[ $failed != 0 ]]; then
  echo "--- command: gcsim $cmd"
  echo "--- stdout was:"; cat "$TMP/.stdout"
  echo "--- stderr was:"; cat "$TMP/.stderr"
  exit 1
fi
