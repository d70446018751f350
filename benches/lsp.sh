#!/bin/bash
# The language server against the linter (benches/lsp.py): start-up on a
# 300-job workspace against `upstart-lint DIR`, memory, and the latency of
# the diagnostics after a one-character change. Not part of CI.
#   benches/lsp.sh
#   JOBS=100 REPS=3 EDITS=50 benches/lsp.sh
#   BIN_DIR=/path/to/release benches/lsp.sh    # skip the build
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${BIN_DIR:-}" ]; then
  (cd "$ROOT" && cargo build --release --bin upstart-tools --bin upstart-lint >&2) || exit 1
  BIN_DIR=${CARGO_TARGET_DIR:-$ROOT/target}/release
  export BIN_DIR
fi
{ uname -r; nproc; cat /proc/loadavg; command -v shellcheck; } >&2
exec python3 "$ROOT/benches/lsp.py"
