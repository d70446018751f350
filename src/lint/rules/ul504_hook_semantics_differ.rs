use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `pre-stop` (a warning) and `post-start` (information) processes,
    /// which a conversion to systemd turns into `ExecStop=-` and
    /// `ExecStartPost=-`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// systemd runs `ExecStop=` on every stop of a started unit, also when the
    /// main process has already died (with `$MAINPID` unset); upstart ran
    /// `pre-stop` only while the main process was alive, and the hook could
    /// cancel the stop with `start`. Its run time is also bounded by
    /// `TimeoutStopSec=`, which upstart did not do. `ExecStartPost=` keeps the
    /// unit "activating" until it ends, so a long readiness loop hits
    /// `TimeoutStartSec=`.
    ///
    /// ## Example
    /// ```text
    /// exec /usr/sbin/appd
    /// pre-stop exec /usr/bin/appctl drain
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// # cleanup that does not need the running daemon: after it stopped
    /// exec /usr/sbin/appd
    /// post-stop exec /usr/bin/appctl cleanup
    /// ```
    code: UL504,
    name: "hook-semantics-differ",
    severity: Warning,
    default: false,
    summary: "`pre-stop`/`post-start` hook whose systemd form runs at other times",
    check: Check::Pass(Pass::Conversion),
}
