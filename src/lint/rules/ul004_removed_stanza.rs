use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a stanza that older upstart releases accepted and 1.13
    /// rejects: `on EVENT` (use `start on`), `normalexit` (now `normal
    /// exit`), `service` (services are the default), `daemon`, `pid file` and
    /// `pid timeout` (now `expect fork` / `expect daemon`), `depends` (now
    /// `start on started JOB`), `session leader`, `console logged` and the
    /// `respawn COMMAND` shorthand. Reported by the parser (upstart: "Unknown
    /// stanza"), with the replacement.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file. Jobs copied from pre-0.5 tutorials
    /// fail to load on every current system.
    ///
    /// ## Example
    /// ```text
    /// pid file /run/foo.pid
    /// exec /usr/sbin/food
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// expect fork
    /// exec /usr/sbin/food
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL004,
    name: "removed-stanza",
    severity: Error,
    default: true,
    summary: "stanza of an old upstart release that 1.13 rejects (`pid file`, `daemon`, `on EVENT`, …)",
    check: Check::Pass(Pass::Parse),
}
