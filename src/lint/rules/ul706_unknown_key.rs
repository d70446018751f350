//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`: an unknown key, an invalid value
    /// (`UMask=`, `Nice=`, a signal name), an `Environment=` word without `=`,
    /// or an Exec line systemd refuses (unbalanced quotes, a relative path such
    /// as a build placeholder `@BINDIR@/appd`).
    ///
    /// ## Why is this bad?
    /// The directive is not converted; a refused Exec line means the command
    /// does not run at all.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// ExecStart=@BINDIR@/appd
    /// ```
    ///
    /// ## Use instead
    /// Fix the unit (substitute the placeholders, correct the value), then
    /// convert it again.
    code: UL706,
    name: "unknown-key",
    severity: Warning,
    default: true,
    summary: "systemd2upstart: a key the converter does not know, or a line systemd refuses",
    check: Check::Pass(Pass::Systemd2upstart),
}
