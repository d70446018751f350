use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a `nice` value outside −20…19, or not a decimal integer.
    /// Reported by the parser (upstart: "Illegal nice value, expected -20 to
    /// 19").
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// nice 25
    /// ```
    ///
    /// ## Use instead
    /// The range is −20 (highest priority) to 19 (lowest):
    /// ```text
    /// nice 19
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL104,
    name: "nice-out-of-range",
    severity: Error,
    default: true,
    summary: "`nice` outside -20..19",
    check: Check::Pass(Pass::Parse),
}
