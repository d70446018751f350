#!/bin/bash
# Fill fuzz/corpus/<target>/ with seeds from the fixtures (and the shared
# corpus beside the project, when present). libFuzzer adds what it finds.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
C=$ROOT/fuzz/corpus
mkdir -p "$C/job" "$C/event_expr" "$C/systemd_unit"
jobs=$(find "$ROOT/fixtures" "$ROOT/../shared/corpus/upstart" -type f \( -name '*.conf' -o -name '*.override' \) 2>/dev/null || true)
units=$(find "$ROOT/fixtures" "$ROOT/../shared/corpus/systemd" -type f \( -name '*.service' -o -name '*.socket' -o -name '*.timer' \) 2>/dev/null || true)
n=0
for f in $jobs; do n=$((n+1)); cp "$f" "$C/job/seed-$n"; done
n=0
for f in $units; do n=$((n+1)); cp "$f" "$C/systemd_unit/seed-$n"; done
# The text after `start on` / `stop on`, up to the end of the line.
n=0
for f in $jobs; do
  grep -hE '^[[:space:]]*(start|stop) on ' "$f" 2>/dev/null | sed -E 's/^[[:space:]]*(start|stop) on //' |
  while IFS= read -r line; do printf '%s' "$line" > "$C/event_expr/seed-$n-$RANDOM"; done || true
  n=$((n+1))
done
for t in job event_expr systemd_unit; do echo "$t: $(ls "$C/$t" | wc -l) seeds"; done
