use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a bad second word or value of a stanza that has a fixed set:
    /// `start`/`stop` (`on`), `pre-start` & co. (`exec`, `script`), `kill`
    /// (`timeout`, `signal`), `reload` (`signal`), `respawn` (`limit`),
    /// `normal` (`exit`), `expect` (`fork`, `daemon`, `stop`, `none`),
    /// `console` (`log`, `output`, `owner`, `none`), `oom` (`score`, a number,
    /// `never`) and `apparmor` (`load`, `switch`). Reported by the parser
    /// (upstart: "Unknown stanza"). Sub-keywords are case-sensitive, and
    /// `kill`, `reload`, `respawn`, `normal` and `apparmor` do not accept
    /// them quoted.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file.
    ///
    /// ## Example
    /// ```text
    /// kill time 20
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// kill timeout 20
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL007,
    name: "unknown-sub-keyword",
    severity: Error,
    default: true,
    summary: "bad second word or value of `kill`, `expect`, `console`, `respawn`, `start`, …",
    check: Check::Pass(Pass::Parse),
}
