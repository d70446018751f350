use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a quote (`"` or `'`) that is never closed before the end of
    /// the file. Reported by the parser (upstart: "Unterminated quoted
    /// string"). Quoted values may legally span lines, so upstart swallows
    /// every following line into the value before failing; the linter
    /// resumes on the line after the stray quote to report what follows too.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// description "web frontend
    /// exec /usr/bin/web
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// description "web frontend"
    /// exec /usr/bin/web
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL008,
    name: "unterminated-quote",
    severity: Error,
    default: true,
    summary: "a quote that is never closed",
    check: Check::Pass(Pass::Parse),
}
