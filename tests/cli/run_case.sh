#!/usr/bin/env bash
# Runs one CLI test case: tests/cli/cases/NAME.test keeps the command, the exit code and the
# expected output together. Usage: run_case.sh GCSIM CASE_FILE
#
# Case file:
#   # what the case checks (comment lines start with #)
#   setup: python3 gen/big_trace.py chain 10 $TMP/in.jsonl   (optional; run first, in tests/cli:
#          makes inputs too big to commit)
#   env: COLUMNS=120 NO_COLOR=1      (optional; gcsim's environment for width and colour, which
#                                    is otherwise without COLUMNS and NO_COLOR: 80 columns)
#   cmd: replay data/ok.jsonl --json $TMP/out.json     (run in tests/cli; $TMP is a fresh dir)
#   exit: 0
#   max-rss-mib: 200       (optional; gcsim's peak resident memory, checked where /usr/bin/time is)
#   sanitizers: skip       (optional; a scale case, skipped — exit 77, ctest's "skipped" — when
#                          gcsim is built with ASan, which makes it run ~40× longer)
#   --- stdout              the whole stdout, exactly (the temp dir's path written as $TMP)
#   --- stderr              the whole stderr, exactly (likewise)
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

setup=$(sed -n 's/^setup: //p' "$case_file")
cmd=$(sed -n 's/^cmd: //p' "$case_file")
env_line=$(sed -n 's/^env: //p' "$case_file")
want_exit=$(sed -n 's/^exit: //p' "$case_file")
max_rss_mib=$(sed -n 's/^max-rss-mib: //p' "$case_file")
sanitizers=$(sed -n 's/^sanitizers: //p' "$case_file")
cd "$here"
if [[ $sanitizers == skip ]] && ldd "$gcsim" 2>/dev/null | grep -q libasan; then
  echo "skipped: a scale case; the Release build runs it"
  exit 77
fi
if [[ -n $setup ]] && ! eval "$setup"; then
  echo "FAIL: setup failed: $setup"
  exit 1
fi
# Output width and colour come from the case alone, not from whoever runs the tests.
unset COLUMNS NO_COLOR
for assignment in $env_line; do export "$assignment"; done
measure=()
# A sanitizer build's memory is mostly shadow: its RSS says nothing about gcsim's.
if [[ -n $max_rss_mib && -x /usr/bin/time ]] && ! ldd "$gcsim" 2>/dev/null | grep -q libasan; then
  measure=(/usr/bin/time -f '%M %e' -o "$TMP/.time")
fi
eval "\"\${measure[@]}\" \"$gcsim\" $cmd" >"$TMP/.stdout" 2>"$TMP/.stderr" </dev/null
got_exit=$?
# Outputs name files in $TMP; the case writes that folder as $TMP.
sed -i "s|$TMP|\$TMP|g" "$TMP/.stdout" "$TMP/.stderr"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

[[ $got_exit == "$want_exit" ]] || fail "exit code $got_exit, want $want_exit"
if [[ -f $TMP/.time ]]; then
  # GNU time puts "Command exited with non-zero status N" above its format line.
  read -r rss_kib seconds < <(tail -n 1 "$TMP/.time")
  echo "peak RSS $((rss_kib / 1024)) MiB, ${seconds} s"
  ((rss_kib <= max_rss_mib * 1024)) || fail "peak RSS $((rss_kib / 1024)) MiB, over $max_rss_mib MiB"
fi

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
      left=$(find "$TMP" -mindepth 1 ! -name '.stdout' ! -name '.stderr' ! -name '.diff' \
               ! -name '.time')
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
