use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Reports an input that cannot be linted: a missing path, permission
    /// denied, a dangling symlink, a FIFO or device, a symlink loop, or a
    /// file too large to read. The other inputs are still linted, and the
    /// exit status is 2.
    ///
    /// ## Why is this bad?
    /// A job that cannot be read is a job nobody checked; CI must not pass
    /// silently.
    ///
    /// ## Example
    /// `upstart-lint /etc/init` with `/etc/init/secret.conf` mode 0600 when
    /// run as another user.
    ///
    /// ## Use instead
    /// Run with access to the file, or exclude the path.
    code: UL903,
    name: "unreadable-input",
    severity: Error,
    default: true,
    summary: "an input that cannot be read (missing, permission denied, not a file, symlink loop)",
    check: Check::Pass(Pass::Inputs),
}
