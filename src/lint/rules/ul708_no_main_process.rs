//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart` when the job has no main process (no
    /// ExecStart= could be converted, or a oneshot that remains after exit has
    /// only hooks) or no process at all: `respawn`, `normal exit`, `expect`,
    /// `kill`, `reload signal`, `apparmor switch` — and without any process
    /// also `setuid`, `limit`, `console`… — would act on nothing
    /// (upstart-lint would report UL211) and are left out. A service other
    /// than a oneshot without an ExecStart= that systemd accepts is an error:
    /// systemd refuses to load it.
    ///
    /// ## Why is this bad?
    /// The unit does not run what it describes (usually an Exec line with a
    /// build placeholder), and the job would carry options for a process it
    /// does not have.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// ExecStart=@SBINDIR@/postfix start
    /// Type=forking
    /// ```
    ///
    /// ## Use instead
    /// Fix the ExecStart= line of the unit, then convert it again.
    code: UL708,
    name: "no-main-process",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: the job has no (main) process, so its process options are left out",
    check: Check::Pass(Pass::Systemd2upstart),
}
