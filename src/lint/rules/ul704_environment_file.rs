//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`: upstart has no stanza that reads
    /// variables from a file, so `EnvironmentFile=` is left out.
    ///
    /// ## Why is this bad?
    /// The variables the file sets are unset in the job: `$OPTS` in the
    /// command expands to nothing.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// EnvironmentFile=-/etc/default/appd
    /// ExecStart=/usr/sbin/appd $OPTS
    /// ```
    ///
    /// ## Use instead
    /// Source the file in the scripts that need it (`set -a; [ -r F ] && . F;
    /// set +a`), knowing that the shell evaluates it where systemd only reads
    /// assignments.
    code: UL704,
    name: "environment-file",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: `EnvironmentFile=` is not read",
    check: Check::Pass(Pass::Systemd2upstart),
}
