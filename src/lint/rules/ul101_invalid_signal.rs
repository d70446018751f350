use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a value of `kill signal`, `reload signal` or `normal exit`
    /// that is neither a signal name nor a decimal number. Reported by the
    /// parser (upstart: "Illegal signal status, expected integer" /
    /// "Illegal exit status, expected integer").
    ///
    /// Signal names are upper case with an optional `SIG` prefix (`TERM`,
    /// `SIGTERM`); lower case (`sigterm`) is rejected. `normal exit` also
    /// takes exit codes, which must be non-negative.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// kill signal SIGFOO
    /// normal exit 0 -1
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// kill signal SIGTERM
    /// normal exit 0 TERM
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL101,
    name: "invalid-signal",
    severity: Error,
    default: true,
    summary: "unknown signal name or bad number in `kill signal`, `reload signal`, `normal exit`",
    check: Check::Pass(Pass::Parse),
}
