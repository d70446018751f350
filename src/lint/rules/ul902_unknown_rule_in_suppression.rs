use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a code in a suppression comment that is neither a rule code (or
    /// prefix) nor a shellcheck code.
    ///
    /// ## Why is this bad?
    /// A misspelt code silences nothing, so the problem it was meant to
    /// accept keeps being reported, or a later one is never noticed.
    ///
    /// ## Example
    /// ```text
    /// # upstart-lint: disable=UL999
    /// ```
    ///
    /// ## Use instead
    /// Use a code that `upstart-lint --explain CODE` knows.
    code: UL902,
    name: "unknown-rule-in-suppression",
    severity: Warning,
    default: true,
    summary: "a suppression names a code that does not exist",
    check: Check::Pass(Pass::Suppressions),
}
