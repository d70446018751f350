use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a file whose last byte is a backslash: a line continuation
    /// with nothing to continue. Reported by the parser (upstart: "Trailing
    /// slash in file").
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file. It usually means the file was cut
    /// short, or its final newline and last line were lost.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/bin/foo --verbose \
    /// ```
    /// (end of file right after the backslash)
    ///
    /// ## Use instead
    /// ```text
    /// exec /usr/bin/foo --verbose
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL009,
    name: "bad-continuation",
    severity: Error,
    default: true,
    summary: "the file ends with a backslash (a continuation of nothing)",
    check: Check::Pass(Pass::Parse),
}
