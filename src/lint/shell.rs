//! Embedded shell: script blocks and `exec` lines that upstart runs through
//! `/bin/sh -e`.
