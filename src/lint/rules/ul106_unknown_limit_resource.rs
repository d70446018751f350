use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a `limit` resource that is not one of upstart's fourteen:
    /// `as`, `core`, `cpu`, `data`, `fsize`, `memlock`, `msgqueue`, `nice`,
    /// `nofile`, `nproc`, `rss`, `rtprio`, `sigpending`, `stack` (lower case,
    /// without the `RLIMIT_` prefix). Reported by the parser (upstart:
    /// "Unknown stanza"), with a "did you mean" suggestion.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// limit files 4096 4096
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// limit nofile 4096 4096
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL106,
    name: "unknown-limit-resource",
    severity: Error,
    default: true,
    summary: "`limit` resource not among the 14 known names",
    check: Check::Pass(Pass::Parse),
}
