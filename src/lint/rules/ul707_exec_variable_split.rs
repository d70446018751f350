//! A `systemd2upstart` conversion loss: produced by the converter
//! (`convert::from_systemd`), never by the linter, which reads upstart jobs.

use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reported by `systemd2upstart`. systemd expands a word that is exactly
    /// `$NAME` into the value split at blanks (no argument when it is empty),
    /// honouring quotes and backslashes in the value; the job writes it
    /// unquoted after `set -f`, so the shell splits it at blanks without
    /// expanding `*` or `?` in it. Where the value can hold quotes or
    /// backslashes (it comes from an `EnvironmentFile=`, or `Environment=`
    /// gives it quotes) the arguments can differ: information when the value is
    /// unknown, a warning when `Environment=` gives quotes. Also reported: a
    /// word systemd drops because it starts with `$` but is no variable
    /// (`$NAME/x`, a lone `$`). `${NAME}` (one argument) and `$NAME` inside a
    /// longer word (text) need no report.
    ///
    /// ## Why is this bad?
    /// With `OPTS=-o "a b"` systemd passes `-o` and `a b`; the shell passes
    /// `-o`, `"a` and `b"`.
    ///
    /// ## Example
    /// ```text
    /// [Service]
    /// Environment="OPTS=-o 'a b'"
    /// ExecStart=/usr/sbin/appd $OPTS
    /// ```
    ///
    /// ## Use instead
    /// Write the arguments into the command, or keep one argument per
    /// variable with `${NAME}`.
    code: UL707,
    name: "exec-variable-split",
    severity: Info,
    default: true,
    summary: "systemd2upstart: a whole-word `$NAME` in a command, split by the shell where systemd also honours quotes",
    check: Check::Pass(Pass::Systemd2upstart),
}
