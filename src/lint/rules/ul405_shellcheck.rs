use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Runs shellcheck (dialect `dash`, with upstart's `set -e`) over every
    /// script block and every `exec` line that runs through the shell, in
    /// one shellcheck process per 100 shell texts (one for most runs), and
    /// reports each finding at its exact `.conf` line and column as `UL405`
    /// with the shellcheck code first in the message (`SC2086: Double quote
    /// to prevent globbing…`) and shellcheck's own level in the help.
    /// shellcheck's level gives the severity: error and warning → warning,
    /// info and style → info. shellcheck's "error" level is not raised to
    /// an error here because it holds heuristics that are often fine in
    /// practice (`[ -f /dev/foo* ]` works when the glob matches one file);
    /// text that `/bin/sh` certainly cannot run is UL401/UL402's error.
    ///
    /// Runs when `shellcheck = "on"`, or `"auto"` (the default) and the
    /// program (`shellcheck-path`, default `shellcheck`) is on `PATH`.
    /// `# shellcheck disable=SC2086` inside a block works as in any script
    /// (a directive on the block's first line applies to the whole block),
    /// and `# upstart-lint: disable=SC2086` silences one code. A few codes
    /// that are noise in job files are never reported: SC2164 (`cd` without
    /// `|| exit`, moot under `sh -e`), SC2154 (variables come from `env`,
    /// `instance` and events), SC1090/SC1091 (sourced files live on the
    /// target system).
    ///
    /// ## Why is this bad?
    /// shellcheck finds the quoting and portability mistakes that make a
    /// script fail only on some inputs or some systems; job scripts run as
    /// root at boot, where such failures are the hardest to debug.
    ///
    /// ## Example
    /// ```text
    /// post-stop script
    ///     rm -f $PIDFILE
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// post-stop script
    ///     rm -f "$PIDFILE"
    /// end script
    /// ```
    code: UL405,
    name: "shellcheck",
    severity: Warning,
    default: true,
    summary: "shellcheck's findings in script blocks and shell-run `exec` lines",
    check: Check::Pass(Pass::Shellcheck),
}
