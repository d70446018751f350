use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a `umask` that is not an octal number from 0 to 0777.
    /// Reported by the parser (upstart: "Illegal file creation mask, expected
    /// octal integer"). The value is always read as octal: `755` means
    /// `0755`, and `8`, `9` or anything above `0777` is rejected.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// umask 0999
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// umask 022
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL103,
    name: "invalid-umask",
    severity: Error,
    default: true,
    summary: "`umask` not octal, or above 0777",
    check: Check::Pass(Pass::Parse),
}
