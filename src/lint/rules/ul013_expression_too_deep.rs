use super::super::registry::{Check, rule};

rule! {
    /// ## What it does
    /// Reports a `start on` / `stop on` expression nested deeper than 256
    /// levels (operators or open parentheses). Reported by the parser.
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
    /// start on ((((((((( … startup … )))))))))
    /// ```
    /// (more than 256 levels)
    ///
    /// ## Use instead
    /// Split the condition, e.g. into a helper job that emits an event when
    /// part of it is met:
    /// ```text
    /// start on (local-filesystems and net-device-up IFACE!=lo)
    /// ```
    ///
    /// Parse errors of this tool cannot be suppressed.
    code: "UL013",
    name: "expression-too-deep",
    severity: Error,
    default: true,
    summary: "event expression nested deeper than upstart-tools accepts (256 levels)",
    check: Check::Parse,
}
