#!/bin/bash
# Peak memory (and wall time) of every file command, issue 20: the corpus
# ×1 and ×100, and large single files, each against the goal
# "peak RSS ≤ 20 × the largest input file + 20 MB". Not part of CI.
# Needs ../shared/corpus and GNU time (/usr/bin/time).
#   benches/memory.sh                    # corpus ×1 and ×100, 2 MB and 20 MB files
#   SCALES=1 LARGE="250000" benches/memory.sh
#   SCALES="" LARGE="2500000" benches/memory.sh   # the large files only
#   BIN=/path/to/release benches/memory.sh   # binaries built elsewhere
#   KEEP=1 benches/memory.sh             # keep the inputs in $WORK
# The linter runs without shellcheck (a child process time(1) would also
# count) and without config files.
# Prints one table: command, input, largest input file, peak RSS, the
# ratio RSS / largest file, the goal, and the wall time (MB/s for the
# large files). Each large file sits alone in its directory, since the
# linter reads the other jobs of a file's directory as context.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
[ -d "$CORPUS/upstart" ] && [ -d "$CORPUS/systemd" ] || { echo "needs $CORPUS/{upstart,systemd}" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time, package time)" >&2; exit 2; }
if [ -z "${BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release --bins >&2)
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release
fi
SCALES=${SCALES-"1 100"}
# Lines of the large files: 250 000 (2 MB duplicate / 6 MB distinct) and
# 2 500 000 (20 MB / 36 MB), the sizes of issue 20.
LARGE=${LARGE-"250000 2500000"}
WORK=${WORK:-$ROOT/target/bench-memory}
rm -rf "$WORK" && mkdir -p "$WORK"
# The inputs take about 400 MB: removed at the end unless KEEP=1.
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT

# N copies of the corpus: scale KIND EXT N.
. "$ROOT/benches/scale.sh"

# One large file alone in a directory of its own.
large() { # name ext lines python-expression-of-line-i
  local dir=$WORK/$1-$3
  mkdir -p "$dir"
  python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.writelines($4 for i in range(int(sys.argv[2])))
" "$dir/$1.$2" "$3"
  echo "$dir/$1.$2"
}

largest() { # path: size in bytes of the largest file under it
  find "$1" -type f -printf '%s\n' | sort -n | tail -1
}

printf '%-34s %-24s %10s %10s %7s %9s %9s\n' command input largest 'peak RSS' ratio goal time
row() { # label input-label size-path cmd...
  local label=$1 input=$2 sizepath=$3; shift 3
  local size out rss secs goal ratio
  size=$(largest "$sizepath")
  # time(1) writes its line last on the command's stderr, also when the
  # command exits non-zero (findings).
  /usr/bin/time -f '%M %e' -o "$WORK/time" "$@" >/dev/null 2>/dev/null || true
  read -r rss secs < <(tail -1 "$WORK/time")
  goal=$(( (20 * size + 20 * 1000 * 1000) / 1024 ))
  ratio=$(awk -v r="$rss" -v s="$size" 'BEGIN { printf "%.1f", r * 1024 / s }')
  local mark=ok; [ "$rss" -le "$goal" ] || mark=OVER
  printf '%-34s %-24s %9.1fM %9.1fM %6s× %8.1fM %5ss %s\n' "$label" "$input" \
    "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" "$(awk -v r="$rss" 'BEGIN { print r * 1024 / 1e6 }')" \
    "$ratio" "$(awk -v g="$goal" 'BEGIN { print g * 1024 / 1e6 }')" "$secs" "$mark"
}

commands() { # input-label upstart-dir-or-file systemd-dir-or-file-or-empty
  local in=$1 up=$2 sd=$3 out=$WORK/out
  row "upstart-lint (concise)" "$in" "$up" "$BIN/upstart-lint" --isolated --shellcheck off --format concise "$up"
  row "upstart-lint (json)" "$in" "$up" "$BIN/upstart-lint" --isolated --shellcheck off --format json "$up"
  row "upstart-lint (sarif)" "$in" "$up" "$BIN/upstart-lint" --isolated --shellcheck off --format sarif "$up"
  row "upstart-lint (human)" "$in" "$up" "$BIN/upstart-lint" --isolated --shellcheck off "$up"
  row "upstart-tools parse" "$in" "$up" "$BIN/upstart-tools" parse "$up"
  row "upstart-tools fmt" "$in" "$up" "$BIN/upstart-tools" fmt "$up"
  rm -rf "$out"
  row "upstart2systemd -o" "$in" "$up" "$BIN/upstart2systemd" -o "$out" "$up"
  if [ -n "$sd" ]; then
    rm -rf "$out"
    row "systemd2upstart -o" "$in" "$sd" "$BIN/systemd2upstart" -o "$out" "$sd"
  fi
}

for n in $SCALES; do
  commands "corpus ×$n" "$(scale upstart conf "$n")" "$(scale systemd service "$n")"
done
for lines in $LARGE; do
  dup=$(large dup conf "$lines" "'env A=1\n'")
  distinct=$(large distinct conf "$lines" "f'env VAR{i}=value{i}\n'")
  unit=$(large big service "$lines" "('[Service]\nExecStart=/bin/true\n' if i == 0 else f'Environment=VAR{i}=value{i}\n')")
  commands "dup ${lines} lines" "$dup" ""
  commands "distinct ${lines} lines" "$distinct" "$unit"
done
