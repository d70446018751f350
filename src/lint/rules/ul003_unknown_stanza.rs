use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports a line whose first word is not a stanza of upstart 1.13.
    /// Reported by the parser (upstart: "Unknown stanza"), with a "did you
    /// mean" suggestion for misspellings.
    ///
    /// Stanza names are case-sensitive and may not be quoted (`Exec` and
    /// `"exec"` are unknown). The stanzas are: `instance`, `description`,
    /// `author`, `version`, `env`, `export`, `start on`, `stop on`, `emits`,
    /// `exec`, `script`, `pre-start`, `post-start`, `pre-stop`, `post-stop`,
    /// `expect`, `task`, `kill`, `reload`, `respawn`, `normal exit`,
    /// `console`, `umask`, `nice`, `oom`, `limit`, `chroot`, `chdir`,
    /// `setuid`, `setgid`, `debug`, `manual`, `usage`, `apparmor`, `cgroup`.
    /// Stanzas of older releases are UL004; shell text outside a script
    /// block shows up here too.
    ///
    /// ## Why is this bad?
    /// Upstart rejects the whole job file: one typo and the job does not
    /// exist.
    ///
    /// ## Example
    /// ```text
    /// respwan
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// respawn
    /// ```
    ///
    /// Parse errors that make upstart reject the file cannot be suppressed.
    code: UL003,
    name: "unknown-stanza",
    severity: Error,
    default: true,
    summary: "first word of a line is not an upstart stanza",
    check: Check::Pass(Pass::Parse),
}
