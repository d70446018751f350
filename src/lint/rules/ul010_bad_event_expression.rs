use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a malformed `start on` / `stop on` expression. Reported by the
    /// parser with upstart's messages: "Mismatched parentheses" (a `(` never
    /// closed, a `)` never opened), "Expected event" (an expression that
    /// starts or ends with `and`/`or`, two operators in a row, `()`),
    /// "Expected operator" (`(` right after an event, an event right after
    /// `)`), "Expected variable name before value" (a positional value after
    /// a `KEY=value` argument of the same event).
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// start on (filesystem and net-device-up IFACE!=lo
    /// ```
    ///
    /// ## Use instead
    /// Close the parenthesis; each `and`/`or` needs an event on both sides:
    /// ```text
    /// start on (filesystem and net-device-up IFACE!=lo)
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL010,
    name: "bad-event-expression",
    severity: Error,
    default: true,
    summary: "malformed `start on`/`stop on` expression (parentheses, dangling `and`/`or`, `=value` order)",
    check: Check::Pass(Pass::Parse),
}
