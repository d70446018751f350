use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a `kill timeout` or `respawn limit` value that is not a plain
    /// non-negative integer that fits a C `long`: units (`5s`), negative
    /// numbers, fractions, overflow. Reported by the parser (upstart:
    /// "Illegal interval, expected number of seconds", or "Illegal limit" for
    /// the respawn count).
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// kill timeout 5s
    /// respawn limit 10 -1
    /// ```
    ///
    /// ## Use instead
    /// Seconds as a plain integer:
    /// ```text
    /// kill timeout 5
    /// respawn limit 10 60
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL102,
    name: "invalid-interval",
    severity: Error,
    default: true,
    summary: "non-integer, negative or overflowing seconds in `kill timeout` or `respawn limit`",
    check: Check::Pass(Pass::Parse),
}
