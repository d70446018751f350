#!/bin/bash
# Side-by-side supervision benchmark: upstart-run against runsv, s6-supervise,
# daemontools supervise and supervisord, plus the fork/exec floor, in ONE
# sequential run on this machine (protocol: ../shared/spec/supervision.md, section 6;
# harness copied from shared/bench/supervision into benches/supervision/).
# Not part of CI. Every step is bounded with `timeout`; the harness stops what
# it starts by pid.
#   benches/supervision.sh              # quick matrix (~8 min)
#   FULL=1 benches/supervision.sh       # the protocol's N (~60 min)
#   PEERS="upstart-run s6" benches/supervision.sh
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
H=$ROOT/benches/supervision
need=()
command -v runsv >/dev/null || need+=(runit)
command -v s6-supervise >/dev/null || need+=(s6)
command -v supervise >/dev/null || need+=(daemontools)
command -v supervisord >/dev/null || need+=(supervisor)
command -v strace >/dev/null || need+=(strace)
command -v gcc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
if [ -z "${UPSTART_RUN:-}" ]; then   # set UPSTART_RUN to measure another build
  (cd "$ROOT" && cargo build --release --bin upstart-run >&2) || exit 1
  UPSTART_RUN=$ROOT/target/release/upstart-run
fi
export UPSTART_RUN
mkdir -p "$H/bin"
[ -x "$H/bin/stamp" ] || gcc -O2 -static -o "$H/bin/stamp" "$H/src/stamp.c" || exit 1
[ -x "$H/bin/floor" ] || gcc -O2 -o "$H/bin/floor" "$H/src/floor.c" || exit 1
export BENCH_RESULTS=${BENCH_RESULTS:-$ROOT/target/supervision-bench/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$BENCH_RESULTS"
PEERS=${PEERS:-"upstart-run runsv s6 daemontools supervisord"}
if [ -n "${FULL:-}" ]; then NR=200; NR2=100; NSTOP=20; NESC=10; NMEM=5; IDLE=30; STR=10
else NR=20; NR2=12; NSTOP=8; NESC=3; NMEM=3; IDLE=10; STR=5; fi
cd "$H" || exit 1
B="python3 bench.py"
T() { echo "### $(date +%T) $*" >&2; timeout "$@" >/dev/null; }
{ uname -r; nproc; cat /proc/loadavg; dpkg-query -W runit supervisor daemontools s6 2>/dev/null
  "$UPSTART_RUN" --version 2>&1 | head -1; } > "$BENCH_RESULTS/env.txt"
for p in $PEERS; do T 120 $B mem "$p" -n $NMEM; done
for p in $PEERS; do T 120 $B idle "$p" --secs $IDLE --strace-secs $STR; done
for p in $PEERS; do T 300 $B stop "$p" -n $NSTOP --mode sigterm; done
for p in $PEERS; do T 120 $B stop "$p" -n $NESC --mode sigterm --ignore-term --kill-timeout-ms 1000 --bound 6; done
T 120 $B respawn floor -n $NR --life-ms 0
for p in $PEERS; do T 300 $B respawn "$p" -n $NR --life-ms 0; done
T 120 $B respawn floor -n $NR2 --life-ms 1100
for p in $PEERS; do T 300 $B respawn "$p" -n $NR2 --life-ms 1100; done
echo "== environment"; cat "$BENCH_RESULTS/env.txt"
python3 summarize.py
echo "raw records: $BENCH_RESULTS" >&2
