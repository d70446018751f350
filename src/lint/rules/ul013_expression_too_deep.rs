use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a `start on` / `stop on` expression whose `and`/`or` tree is
    /// deeper than 256 levels. Reported by the parser. Parentheses alone
    /// are not limited (they add no level to the tree).
    ///
    /// Upstart itself has no limit; upstart-tools refuses such expressions
    /// so that no input can exhaust its stack. Real jobs stay below ten
    /// levels, so hitting the limit means a generated or hostile file.
    ///
    /// ## Why is this bad?
    /// Nobody can read or review the condition, and the tools cannot check,
    /// print or convert the job.
    ///
    /// ## Example
    /// ```text
    /// start on e1 or e2 or e3 or … or e300
    /// ```
    /// (more than 256 operators in a row)
    ///
    /// ## Use instead
    /// Split the condition, e.g. into a helper job that emits an event when
    /// part of it is met:
    /// ```text
    /// start on (local-filesystems and net-device-up IFACE!=lo)
    /// ```
    ///
    /// Parse errors of this tool cannot be suppressed.
    code: UL013,
    name: "expression-too-deep",
    severity: Error,
    default: true,
    summary: "`and`/`or` chain deeper than upstart-tools accepts (256 levels; upstart has no limit)",
    check: Check::Pass(Pass::Parse),
}
