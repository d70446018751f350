use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports ChromiumOS's own stanzas, `import VAR` and `tmpfiles PATH…`,
    /// which only ChromiumOS's patched upstart accepts. Reported by the
    /// parser as an error, as upstream upstart rejects the file. Jobs
    /// written for ChromiumOS are checked with `--dialect chromeos` (every
    /// command that reads jobs takes it: `upstart-lint`, `upstart-tools
    /// parse`/`show`, `upstart2systemd`) or `dialect = "chromeos"` in
    /// `.upstart-lint.toml`; then both stanzas are accepted.
    ///
    /// ## Why is this bad?
    /// Upstream upstart rejects the whole job file ("Unknown stanza"), so
    /// the job cannot be used outside ChromiumOS.
    ///
    /// ## Example
    /// ```text
    /// import DEVICE
    /// tmpfiles /usr/lib/tmpfiles.d/app.conf
    /// ```
    ///
    /// ## Use instead
    /// For ChromiumOS, set `dialect = "chromeos"` in `.upstart-lint.toml`
    /// (or pass `--dialect chromeos`).
    /// For upstream upstart, pass the variable with `initctl start job
    /// DEVICE=…` and create the paths in a `pre-start` block:
    /// ```text
    /// pre-start exec systemd-tmpfiles --create /usr/lib/tmpfiles.d/app.conf
    /// ```
    code: UL014,
    name: "vendor-stanza",
    severity: Error,
    default: true,
    summary: "ChromiumOS-only stanza (`import`, `tmpfiles`) that upstream upstart rejects",
    check: Check::Pass(Pass::Parse),
}
