//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart` when an `env` stanza of the job holds
    /// `$NAME`, `${…}`, `$(…)` or backquotes, which upstart stores as written
    /// (upstart-lint would report UL110). systemd does not expand `$` in
    /// `Environment=` either, so a value written that way is the same text in
    /// both (information); a value that holds the instance name through a
    /// specifier (`%i`) in a variable other than the instance one loses it (a
    /// warning).
    ///
    /// ## Why is this bad?
    /// A value such as `PATH=${PATH}:/opt/bin` is literally `${PATH}:/opt/bin`
    /// in both systems, which is rarely what was meant.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// Environment=PATH=${PATH}:/opt/bin
    /// ```
    ///
    /// ## Use instead
    /// Build the value in the script that uses it (`PATH=$PATH:/opt/bin`).
    code: UL709,
    name: "environment-not-expanded",
    severity: Info,
    default: true,
    summary: "systemd2upstart: an `Environment=` value with `$`, which `env` stores as written",
    check: Check::Pass(Pass::Systemd2upstart),
}
