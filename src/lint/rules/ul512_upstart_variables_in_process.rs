use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags a process (`exec`, `script` or a hook) that mentions upstart's
    /// own variables (`UPSTART_JOB`, `UPSTART_INSTANCE`, `UPSTART_EVENTS`,
    /// `UPSTART_STOP_EVENTS`, `UPSTART_FDS`) or runs `initctl`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Under systemd these variables are empty and `initctl` does not exist
    /// (or talks to no upstart), so the converted unit runs the same lines with
    /// another meaning: a test on `$UPSTART_EVENTS` takes the other branch, an
    /// `initctl emit` fails and, with `sh -e`, stops the script.
    ///
    /// ## Example
    /// ```text
    /// script
    ///     echo "started by $UPSTART_EVENTS"
    ///     exec /usr/sbin/appd
    /// end script
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// exec /usr/sbin/appd
    /// ```
    code: UL512,
    name: "upstart-variables-in-process",
    severity: Warning,
    default: false,
    summary: "process uses `UPSTART_*` variables or `initctl`, which systemd does not provide",
    check: Check::Pass(Pass::Conversion),
}
