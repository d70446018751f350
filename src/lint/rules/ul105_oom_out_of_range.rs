use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports an `oom score` outside −1000…1000 (or `never`), and a legacy
    /// `oom N` outside −17…15 (or `never`). Reported by the parser (upstart:
    /// "Illegal oom score adjustment, expected -999 to 1000 or 'never'" /
    /// "Illegal oom adjustment, expected -16 to 15 or 'never'" — the texts
    /// understate the ranges: −1000 and −17 are accepted).
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// oom score 5000
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// oom score 1000
    /// ```
    /// or `oom score never` to keep the OOM killer away.
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL105,
    name: "oom-out-of-range",
    severity: Error,
    default: true,
    summary: "`oom score` outside -1000..1000, or legacy `oom N` outside -17..15",
    check: Check::Pass(Pass::Parse),
}
