#!/bin/bash
# Job sets side by side (benches/jobset.py): upstart-run DIR against
# runsvdir, s6-svscan and supervisord for 1, 10 and 100 services, and a
# start on request against s6-svc -u. Not part of CI.
#   benches/jobset.sh                    # ~3 min after the release build
#   SIZES="100" REPS=5 benches/jobset.sh
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
need=()
command -v runsvdir >/dev/null || need+=(runit)
command -v s6-svscan >/dev/null || need+=(s6)
command -v supervisord >/dev/null || need+=(supervisor)
command -v gcc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
if [ -z "${UPSTART_RUN:-}" ]; then
  (cd "$ROOT" && cargo build --release --bin upstart-run --bin upstart-tools >&2) || exit 1
fi
H=$ROOT/benches/supervision
mkdir -p "$H/bin"
[ -x "$H/bin/stamp" ] || gcc -O2 -static -o "$H/bin/stamp" "$H/src/stamp.c" || exit 1
{ uname -r; nproc; cat /proc/loadavg; dpkg-query -W runit supervisor s6 2>/dev/null; } >&2
exec python3 "$ROOT/benches/jobset.py"
