use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a stanza that ends before a required argument (upstart:
    /// "Expected token"): `limit nofile 4096` without the hard limit,
    /// `respawn limit 10` without the interval, `exec` with nothing after
    /// it, `start on` without an event, `description ""` (a token that is
    /// empty once its quotes are removed counts as missing).
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// limit nofile 4096
    /// ```
    ///
    /// ## Use instead
    /// `limit` takes a soft and a hard value:
    /// ```text
    /// limit nofile 4096 4096
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL005,
    name: "missing-argument",
    severity: Error,
    default: true,
    summary: "a required argument is missing",
    check: Check::Pass(Pass::Parse),
}
