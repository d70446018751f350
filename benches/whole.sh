#!/bin/bash
# Whole-process benchmark of the file tools over the corpus, scaled ×1, ×10
# and ×100, with systemd-analyze verify as the peer, in ONE run (issue 8).
# Not part of CI. Needs hyperfine (installed with apt-get when missing) and
# ../shared/corpus.
#   benches/whole.sh                 # scales 1 10 100
#   SCALES="1 10" RUNS=3 benches/whole.sh
# Prints one table per scale: median wall time, time per file, and the ratio
# of each command's time per file to systemd-analyze verify's on the systemd
# corpus (the peer that checks unit files), then how each command's time grows
# from ×1 to the largest scale. The converters are measured twice: re-run
# over their own outputs (nothing to write) and into an empty directory,
# beside `cp -r` of the same files (the cost of creating them on this disk).
# `cat` of the same job files is the reference for the linter (issue 20:
# lint within 2× `cat`): both are started the same way, by bash expanding
# ./*.conf, and the "vs cat" column divides by cat's median in the same run.
#   LINT_ONLY=1 benches/whole.sh     # only cat and the linter
#   BASELINE=DIR benches/whole.sh    # also DIR/upstart-lint (an older build)
#   BIN=DIR benches/whole.sh         # binaries from DIR, no cargo build
#   KEEP=1 benches/whole.sh          # keep the scaled corpus and outputs
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
[ -d "$CORPUS/upstart" ] && [ -d "$CORPUS/systemd" ] || { echo "needs $CORPUS/{upstart,systemd}" >&2; exit 2; }
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
if [ -z "${LINT_ONLY:-}" ]; then
  command -v systemd-analyze >/dev/null || need+=(systemd)
  command -v shellcheck >/dev/null || need+=(shellcheck)
fi
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi
if [ -z "${BIN:-}" ]; then
  (cd "$ROOT" && cargo build --release --bins >&2)
  BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release
fi
SCALES=${SCALES:-"1 10 100"}
RUNS=${RUNS:-5}
WORK=$ROOT/target/bench-whole
rm -rf "$WORK" && mkdir -p "$WORK"

# N copies of the corpus: scale KIND EXT N.
. "$ROOT/benches/scale.sh"

for n in $SCALES; do
  up=$(scale upstart conf "$n")
  sd=$(scale systemd service "$n")
  nup=$(ls "$up" | wc -l); nsd=$(ls "$sd" | wc -l)
  out=$WORK/out-x$n && mkdir -p "$out/sd" "$out/up"
  echo "== ×$n: $nup upstart jobs, $nsd systemd units" >&2
  # Exit statuses are ignored (-i): corpus files have findings by design.
  lint="--isolated --shellcheck off --format concise"
  cmds=(
    -n "cat (reference, upstart jobs)" "bash -c 'cd $up && exec cat ./*.conf'"
    -n "upstart-lint (no shellcheck)" "bash -c 'cd $up && exec $BIN/upstart-lint $lint ./*.conf'"
    -n "upstart-lint (no shellcheck, directory)" "$BIN/upstart-lint $lint $up"
  )
  if [ -n "${BASELINE:-}" ]; then
    cmds+=(-n "upstart-lint (no shellcheck, baseline build)" "bash -c 'cd $up && exec $BASELINE/upstart-lint $lint ./*.conf'")
  fi
  if [ -z "${LINT_ONLY:-}" ]; then
  cmds+=(
    -n "systemd-analyze verify (peer, systemd units)" "bash -c 'cd $sd && exec systemd-analyze verify --man=no ./*.service'"
    -n "upstart-tools parse" "bash -c 'cd $up && exec $BIN/upstart-tools parse ./*.conf'"
  )
  # shellcheck costs ~4 ms per file: ×100 would take minutes per run.
  if [ "$n" -le "${SHELLCHECK_MAX_SCALE:-10}" ]; then
    cmds+=(-n "upstart-lint (with shellcheck)" "$BIN/upstart-lint --isolated --shellcheck on --format concise $up")
  fi
  # Re-running a converter whose outputs are already there writes nothing
  # (each output is compared first): that is the warm case, measured here
  # after the warm-up run. Writing into an empty directory is measured
  # apart, below.
  cmds+=(
    -n "upstart2systemd -o DIR (re-run, unchanged)" "$BIN/upstart2systemd --force -o $out/sd $up"
    -n "systemd2upstart -o DIR (re-run, unchanged)" "$BIN/systemd2upstart --force -o $out/up $sd"
  )
  fi
  # Exit statuses are ignored (-i): corpus files have findings by design.
  # systemd-analyze verify grows faster than linearly (about 6 minutes for
  # 19 100 units here), so scales above ×10 run each command once.
  if [ "$n" -le 10 ]; then runs=(--warmup 1 --runs "$RUNS"); else runs=(--runs 1); fi
  # The converters' outputs exist before the first timed run.
  "$BIN/upstart2systemd" --force -o "$out/sd" "$up" >/dev/null 2>&1 || true
  "$BIN/systemd2upstart" --force -o "$out/up" "$sd" >/dev/null 2>&1 || true
  hyperfine -N -i "${runs[@]}" --export-json "$WORK/x$n.json" "${cmds[@]}" >/dev/null
  if [ -n "${LINT_ONLY:-}" ]; then echo '{"results": []}' > "$WORK/x$n-fresh.json"; echo "$n $nup $nsd" >> "$WORK/scales"; continue; fi
  # Into an empty directory: the output directory is emptied and the disk
  # synced before every run, so each run creates every file and pays the
  # file system for it. `cp -r` of the same inputs into an empty directory
  # is the floor for creating that many files on this disk, in the same run.
  # The old outputs are moved aside, not deleted: right after deleting
  # thousands of files ext4's inode allocator skips the recently deleted
  # inodes one by one (recently_deleted() in __ext4_new_inode, 60 % of the
  # run's CPU in perf), which measures the deletion, not the command.
  mkdir -p "$WORK/trash"
  fresh="for d in sd up cp; do mv $out/\$d $WORK/trash/\$d.\$\$.\$RANDOM 2>/dev/null; mkdir $out/\$d; done; sync"
  if [ "$n" -le 10 ]; then fr=(--runs "$RUNS"); else fr=(--runs 2); fi
  hyperfine -N -i "${fr[@]}" --prepare "bash -c '$fresh'" --export-json "$WORK/x$n-fresh.json" \
    -n "cp -r (floor: create the job files)" "cp -r $up/. $out/cp/" \
    -n "upstart2systemd -o DIR (empty dir)" "$BIN/upstart2systemd --force -o $out/sd $up" \
    -n "systemd2upstart -o DIR (empty dir)" "$BIN/systemd2upstart --force -o $out/up $sd" >/dev/null
  rm -rf "$WORK/trash"
  echo "$n $nup $nsd" >> "$WORK/scales"
done

python3 - "$WORK" <<'PY'
import json, sys, os
work = sys.argv[1]
scales = [l.split() for l in open(os.path.join(work, "scales"))]
peer = "systemd-analyze verify (peer, systemd units)"
first = {}
last_seen = {}
for n, nup, nsd in scales:
    res = json.load(open(os.path.join(work, f"x{n}.json")))["results"]
    res += json.load(open(os.path.join(work, f"x{n}-fresh.json")))["results"]
    med = {r["command"]: r["median"] for r in res}
    files = {c: (int(nsd) if ("systemd-analyze" in c or c.startswith("systemd2upstart")) else int(nup)) for c in med}
    floor = "cp -r (floor: create the job files)"
    cat = "cat (reference, upstart jobs)"
    per = {c: med[c] / files[c] for c in med}
    print(f"\n×{n}: {nup} upstart jobs, {nsd} systemd units (median of the runs)")
    print(f"{'command':48} {'median':>10} {'per file':>10} {'vs peer/file':>13} {'vs cp -r/file':>14} {'vs cat':>8}")
    for c in med:
        vs_cp = f"{per[c]/per[floor]:13.2f}×" if "empty dir" in c or c == floor else ""
        vs_peer = f"{per[c]/per[peer]:12.2f}×" if peer in per else ""
        vs_cat = f"{med[c]/med[cat]:7.2f}×" if files[c] == int(nup) and "systemd" not in c else ""
        print(f"{c:48} {med[c]*1000:8.1f} ms {per[c]*1e6:7.1f} µs {vs_peer:>13} {vs_cp:>14} {vs_cat:>8}")
    for c in med:
        first.setdefault(c, (int(n), med[c]))
        last_seen[c] = (int(n), med[c])
print("\ngrowth: time at the largest scale measured / time at the smallest")
for c, (n0, t0) in first.items():
    n1, t1 = last_seen[c]
    print(f"{c:48} ×{n0} → ×{n1}: {t1/t0:7.1f}× the time for {n1//n0}× the work")
PY
# The scaled copies and the converters' outputs (about 100 000 files at
# ×100) go; hyperfine's JSON stays in $WORK.
[ -n "${KEEP:-}" ] || find "$WORK" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
