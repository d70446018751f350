use super::super::registry::{Check, Pass, rule};

rule! {
    /// ## What it does
    /// Flags `kill timeout 0`.
    ///
    /// Off by default: enable the conversion checks with `--select UL5` or
    /// `--extend-select UL5`.
    ///
    /// ## Why is this bad?
    /// Upstart sends SIGKILL right after the stop signal; in systemd
    /// `TimeoutStopSec=0` means *no* timeout at all, so a literal translation
    /// would wait forever for a process that ignores SIGTERM. The converter
    /// writes `TimeoutStopSec=1ms` instead; check that killing the service
    /// without a grace period is really wanted.
    ///
    /// ## Example
    /// ```text
    /// kill timeout 0
    /// exec /usr/sbin/appd
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// kill timeout 5
    /// exec /usr/sbin/appd
    /// ```
    code: UL513,
    name: "kill-timeout-zero",
    severity: Info,
    default: false,
    summary: "`kill timeout 0` becomes `TimeoutStopSec=1ms` (0 means no timeout in systemd)",
    check: Check::Pass(Pass::Conversion),
}
